package ke.invoiceiq.archfixture.application;

import ke.invoiceiq.archfixture.domain.GoodDomain;
import java.util.List;

/** Compliant (fixture): a use case over the domain. */
public class GoodService {
    private final GoodDomain domain;

    public GoodService(String line) {
        this.domain = new GoodDomain(List.of(line));
    }

    public GoodDomain domain() {
        return domain;
    }
}
