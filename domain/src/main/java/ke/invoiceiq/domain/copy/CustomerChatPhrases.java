package ke.invoiceiq.domain.copy;

/**
 * What the bot says to a customer in the chat: the invoice, the answers to a Pay with M-PESA tap, help. Every
 * message about an invoice keeps its number (and its amount where the English has it).
 */
public enum CustomerChatPhrases implements Phrase {
    NO_NAME("Customer", "Mteja"),
    CHECK_YOUR_PHONE("Check your phone for the M-PESA payment prompt! (Invoice #{id}, KES {amount})\n"
            + "You'll receive a receipt once payment is complete.",
            "Angalia simu yako, ombi la malipo la M-PESA linakuja! (Ankara #{id}, KES {amount})\n"
            + "Utapokea risiti malipo yakikamilika."),
    PROMPT_ALREADY_SENT("Payment request already sent! Check your phone for the M-PESA prompt. "
            + "(Invoice #{id}, KES {amount})",
            "Ombi la malipo limeshatumwa! Angalia simu yako kwa ombi la M-PESA. (Ankara #{id}, KES {amount})"),
    AWAITING_MPESA("We asked M-PESA for your payment prompt (Invoice #{id}, KES {amount}). If it shows on your phone,"
            + " enter your PIN.\nIf it does not, wait a few minutes: we will tell you how it went, so you are never"
            + " charged twice.",
            "Tumeiomba M-PESA ikutumie ombi la malipo (Ankara #{id}, KES {amount}). Likitokea kwenye simu yako, weka"
            + " PIN yako.\nLisipotokea, subiri dakika chache: tutakujulisha matokeo, hutakatwa mara mbili."),
    ALREADY_PAID("Invoice {id} has already been paid. Receipt: {receipt}",
            "Ankara {id} imeshalipwa. Risiti: {receipt}"),
    RECEIPT_ON_ITS_WAY("on its way from M-PESA", "inakuja kutoka M-PESA"),
    NOT_YOUR_INVOICE("Invoice #{id} was sent to another number ({masked}).\n"
            + "Please tap Pay with M-PESA from the phone that received it.",
            "Ankara #{id} ilitumwa kwa namba nyingine ({masked}).\n"
            + "Tafadhali bonyeza Lipa kwa M-PESA kwenye simu iliyoipokea."),
    INVOICE_CANCELLED("Invoice #{id} (KES {amount}) was cancelled by the merchant. Nothing to pay.",
            "Ankara #{id} (KES {amount}) imeghairiwa na mfanyabiashara. Hakuna cha kulipa."),
    TRY_AGAIN_IN_ONE_MINUTE("Please wait about 1 minute, then tap Pay with M-PESA again. (Invoice #{id}, KES {amount})",
            "Tafadhali subiri kama dakika 1, kisha bonyeza Lipa kwa M-PESA tena. (Ankara #{id}, KES {amount})"),
    TRY_AGAIN_IN_MINUTES("Please wait about {minutes} minutes, then tap Pay with M-PESA again. "
            + "(Invoice #{id}, KES {amount})",
            "Tafadhali subiri kama dakika {minutes}, kisha bonyeza Lipa kwa M-PESA tena. (Ankara #{id}, KES {amount})"),
    MPESA_UNAVAILABLE("M-PESA is not answering right now. Please tap Pay with M-PESA again in a few minutes. "
            + "(Invoice #{id}, KES {amount})",
            "M-PESA haijibu kwa sasa. Tafadhali bonyeza Lipa kwa M-PESA tena baada ya dakika chache. "
            + "(Ankara #{id}, KES {amount})"),
    PAYER_BUSY("Your phone already has an M-PESA prompt open. Finish or cancel it, then tap Pay with M-PESA again."
            + " (Invoice #{id}, KES {amount})",
            "Simu yako tayari ina ombi la M-PESA lililo wazi. Likamilishe au ulighairi, kisha bonyeza Lipa kwa M-PESA"
            + " tena. (Ankara #{id}, KES {amount})"),
    KEY_REUSED("Sorry, that request could not be matched to Invoice #{id}.\n"
            + "Please tap Pay with M-PESA on the invoice again.",
            "Samahani, ombi hilo halikulingana na Ankara #{id}.\n"
            + "Tafadhali bonyeza Lipa kwa M-PESA kwenye ankara tena."),
    NOT_FOUND("I can't find invoice {id}. Please check the invoice # on your message and try again.",
            "Sijaipata ankara {id}. Tafadhali angalia namba ya ankara kwenye ujumbe wako kisha ujaribu tena."),
    HELP("To pay an invoice, tap Pay with M-PESA on it, or reply PAY followed by the invoice # (e.g., PAY INV-7K3Q9X).",
            "Kulipa ankara, bonyeza Lipa kwa M-PESA juu yake, au jibu LIPA ikifuatiwa na namba ya ankara"
            + " (mf. LIPA INV-7K3Q9X)."),
    HELP_SMS("To pay an invoice, open the pay link in its SMS, or reply PAY and the invoice #, e.g. PAY INV-7K3Q9X",
            "Kulipa ankara, fungua kiungo cha malipo kwenye SMS yake, au jibu LIPA na namba ya ankara, mf. LIPA INV-7K3Q9X"),
    UNSUPPORTED("Sorry, I can only read text and button taps. {help}",
            "Samahani, naweza kusoma maandishi na vitufe tu. {help}"),
    COULD_NOT_PROCESS("Sorry, we could not process your message. Please try again.",
            "Samahani, hatukuweza kushughulikia ujumbe wako. Tafadhali jaribu tena."),
    MERCHANT_ONLY("Only the merchant's registered numbers can create invoices.",
            "Ni namba zilizosajiliwa za mfanyabiashara tu zinazoweza kuunda ankara."),
    ;

    private final String en;
    private final String sw;

    CustomerChatPhrases(String en, String sw) {
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
