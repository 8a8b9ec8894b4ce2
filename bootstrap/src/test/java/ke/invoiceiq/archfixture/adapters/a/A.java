package ke.invoiceiq.archfixture.adapters.a;

import ke.invoiceiq.archfixture.adapters.b.B;

/** VIOLATION (fixture): adapter a uses adapter b. */
public class A {
    public String call() {
        return new B().call();
    }
}
