package ke.invoiceiq.archfixture.domain;

import jakarta.enterprise.context.ApplicationScoped;

/** VIOLATION (fixture): a domain class with a framework annotation, i.e. a dependency outside {@code java..}. */
@ApplicationScoped
public class BadDomain {
}
