package ke.invoiceiq.domain.copy;

/** Words used across channels and audiences. */
public enum CommonPhrases implements Phrase {
    PAY_WITH_MPESA("Pay with M-PESA", "Lipa kwa M-PESA"),
    ;

    private final String en;
    private final String sw;

    CommonPhrases(String en, String sw) {
        this.en = en;
        this.sw = sw;
    }

    @Override
    public String en() {
        return en;
    }

    @Override
    public String sw() {
        return sw;
    }
}
