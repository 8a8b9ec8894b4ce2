package ke.invoiceiq.domain.copy;

/** What the merchant is told about delivery: an invoice that could not reach its customer, a channel whose account setup the provider refused, and the digest that gathers several notices. */
public enum DeliveryPhrases implements Phrase {
    UNDELIVERABLE("Invoice #{id} (KES {amount}) could not be delivered to {to}.\nCheck the number, then tap Send reminder to try again.",
            "Ankara #{id} (KES {amount}) haikuweza kufika kwa {to}.\nHakikisha nambari, kisha bonyeza Send reminder kujaribu tena."),
    UNDELIVERABLE_SMS("Invoice {id} (KES {amount}) could not be delivered to {to}. Check the number, then send 'remind {id}' to try again.",
            "Ankara {id} (KES {amount}) haikuweza kufika kwa {to}. Hakikisha nambari, kisha tuma 'remind {id}' kujaribu tena."),
    WHATSAPP_MISCONFIGURED("InvoiceIQ: WhatsApp refused our account setup (code {code}). Invoices go out by SMS meanwhile. Ask your operator to check the WABA_* settings.",
            "InvoiceIQ: WhatsApp imekataa mipangilio ya akaunti yetu (msimbo {code}). Ankara zinatumwa kwa SMS kwa sasa. Mwombe msimamizi wako aangalie mipangilio ya WABA_*."),
    SMS_MISCONFIGURED("InvoiceIQ: SMS refused our account setup (code {code}). Customers without WhatsApp get no SMS meanwhile. Ask your operator to check the SMS_* settings.",
            "InvoiceIQ: SMS imekataa mipangilio ya akaunti yetu (msimbo {code}). Wateja wasio na WhatsApp hawapati SMS kwa sasa. Mwombe msimamizi wako aangalie mipangilio ya SMS_*."),
    ONE_UPDATE("1 update:",
            "Taarifa 1:"),
    UPDATES("{n} updates:",
            "Taarifa {n}:"),
    PART_ONE_UPDATE("1 update ({part} of {of}):",
            "Taarifa 1 ({part} kati ya {of}):"),
    PART_UPDATES("{n} updates ({part} of {of}):",
            "Taarifa {n} ({part} kati ya {of}):"),
    ;

    private final String en;
    private final String sw;

    DeliveryPhrases(String en, String sw) {
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
