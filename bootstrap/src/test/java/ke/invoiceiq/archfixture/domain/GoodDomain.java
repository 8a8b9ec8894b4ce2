package ke.invoiceiq.archfixture.domain;

import java.util.List;

/** Compliant (fixture): uses only the JDK and its own ring; no rule may name it. */
public record GoodDomain(List<String> lines) {
}
