package ke.invoiceiq.domain.copy;

/**
 * The titles of the chat's reply buttons (the Pay button is {@link CommonPhrases#PAY_WITH_MPESA}). Only titles are
 * words: a button's id never changes with the language. WhatsApp cuts a title at 20 characters, in either language.
 */
public enum ButtonPhrases implements Phrase {
    NEW_INVOICE("New Invoice", "Ankara mpya"),
    CANCEL("Cancel", "Ghairi"),
    SKIP("Skip", "Ruka"),
    SEND("Send", "Tuma"),
    EDIT("Edit", "Badilisha"),
    EDIT_AMOUNT("Amount", "Kiasi"),
    EDIT_DESCRIPTION("Description", "Maelezo"),
    EDIT_CUSTOMER("Customer", "Mteja"),
    VIEW_DETAILS("View details", "Angalia maelezo"),
    SEND_REMINDER("Send reminder", "Tuma kikumbusho"),
    CANCEL_INVOICE("Cancel", "Ghairi ankara"),
    ;

    private final String en;
    private final String sw;

    ButtonPhrases(String en, String sw) {
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
