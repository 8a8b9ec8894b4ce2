package ke.invoiceiq.domain.copy;

/** What the merchant is told about money paid to the Paybill or Till from the M-PESA menu (Daraja C2B). */
public enum C2bPhrases implements Phrase {
    UNMATCHED_PAYBILL(
            "Paybill payment that matches no invoice: KES {amount}, account \"{account}\", receipt {receipt}, at"
                    + " {time}.\nKept as unmatched payment {id}: apply it to the right invoice, or refund it.",
            "Malipo ya Paybill yasiyolingana na ankara yoyote: KES {amount}, akaunti \"{account}\", risiti {receipt},"
                    + " saa {time}.\nYamewekwa kama malipo {id}: yaweke kwenye ankara sahihi, au rudisha pesa."),
    UNMATCHED_TILL(
            "Till payment that matches no single invoice: KES {amount}, receipt {receipt}, at {time}.\nKept as"
                    + " unmatched payment {id}: apply it to the right invoice, or refund it.",
            "Malipo ya Till yasiyolingana na ankara moja: KES {amount}, risiti {receipt}, saa {time}.\nYamewekwa kama"
                    + " malipo {id}: yaweke kwenye ankara sahihi, au rudisha pesa."),
    ;

    private final String en;
    private final String sw;

    C2bPhrases(String en, String sw) {
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
