package ke.invoiceiq.domain.copy;

/**
 * Money paid outside M-PESA Express (the merchant's {@code paid} command and the API's mark-paid) and payment from
 * another phone (the pay page): what the merchant, the customer and the link holder are told.
 */
public enum CashPhrases implements Phrase {
    // ---- the paid command --------------------------------------------------------------------------------------
    PAID_USAGE("Say which invoice was paid and how: cash, bank or other. The amount is optional (the whole balance"
            + " if left out).\nExample: paid INV-7K3Q9X cash, or paid INV-7K3Q9X 500 bank",
            "Taja ankara iliyolipwa na jinsi ilivyolipwa: cash, bank au other. Kiasi si lazima (salio lote"
            + " kisipotajwa).\nMfano: paid INV-7K3Q9X cash, au paid INV-7K3Q9X 500 bank"),
    PAID_METHOD_MISSING("Say how Invoice #{id} was paid: cash, bank or other.\nExample: paid {id} cash",
            "Taja jinsi ankara #{id} ilivyolipwa: cash, bank au other.\nMfano: paid {id} cash"),
    PAID_NOTE_INVALID("The note after the method must be 3 to 200 characters, without hidden characters.",
            "Maelezo baada ya njia ya malipo yawe herufi 3 hadi 200, bila herufi zilizofichwa."),

    // ---- how the money came --------------------------------------------------------------------------------------
    METHOD_CASH("cash", "pesa taslimu"),
    METHOD_BANK("bank transfer", "benki"),
    METHOD_OTHER("other means", "njia nyingine"),

    // ---- to the merchant -----------------------------------------------------------------------------------------
    RECORDED_PAID("Recorded ✔ KES {received} ({method}) for Invoice #{id}.\nInvoice #{id} (KES {amount}) is now"
            + " paid in full.{told}",
            "Imerekodiwa ✔ KES {received} ({method}) kwa ankara #{id}.\nAnkara #{id} (KES {amount}) sasa"
            + " imelipwa yote.{told}"),
    RECORDED_PART("Recorded ✔ KES {received} ({method}) for Invoice #{id} (KES {amount}).\nBalance left: KES"
            + " {balance}.{told}",
            "Imerekodiwa ✔ KES {received} ({method}) kwa ankara #{id} (KES {amount}).\nSalio: KES {balance}.{told}"),
    CUSTOMER_TOLD("\nThe customer gets a receipt.", "\nMteja atapokea risiti."),
    NOT_RECORDED_MORE_THAN_BALANCE("Not recorded: KES {received} is more than the KES {balance} left on Invoice"
            + " #{id}.\nTo record the whole balance: paid {id} {methodWord}",
            "Haijarekodiwa: KES {received} ni zaidi ya salio la KES {balance} kwenye ankara #{id}.\nKurekodi salio"
            + " lote: paid {id} {methodWord}"),
    NOT_RECORDED_PAID("Not recorded: Invoice #{id} is already paid.",
            "Haijarekodiwa: ankara #{id} tayari imelipwa."),
    NOT_RECORDED_CANCELLED("Not recorded: Invoice #{id} was cancelled.",
            "Haijarekodiwa: ankara #{id} ilighairiwa."),
    NOT_RECORDED_IN_FLIGHT("Not recorded: an M-PESA prompt for Invoice #{id} is still open. Wait until it ends,"
            + " then record what is left.",
            "Haijarekodiwa: ombi la M-PESA la ankara #{id} bado liko wazi. Subiri liishe, kisha rekodi kilichobaki."),

    STATUS_OUTSIDE_OPEN("KES {outside} received outside M-PESA ({methods}); KES {balance} still to pay.",
            "KES {outside} zimepokelewa nje ya M-PESA ({methods}); KES {balance} bado kulipwa."),
    STATUS_OUTSIDE("KES {outside} of it received outside M-PESA ({methods}).",
            "KES {outside} kati yake zilipokelewa nje ya M-PESA ({methods})."),

    // ---- to the customer -----------------------------------------------------------------------------------------
    RECEIPT_OUTSIDE_PAID("Paid ✔ — Invoice #{id} (KES {amount})\nThe merchant received KES {received}"
            + " ({method}). Thank you!",
            "Imelipwa ✔ — Ankara #{id} (KES {amount})\nMfanyabiashara amepokea KES {received} ({method})."
            + " Asante!"),
    RECEIPT_OUTSIDE_PAID_SMS("Paid: Invoice {id} KES {amount}. Merchant received KES {received} ({method})."
            + " Thank you!",
            "Imelipwa: Ankara {id} KES {amount}. Mfanyabiashara amepokea KES {received} ({method}). Asante!"),
    RECEIPT_OUTSIDE_PART("Part payment ✔ — Invoice #{id} (KES {amount})\nThe merchant received KES {received}"
            + " ({method}).\nBalance: KES {balance}.",
            "Malipo ya sehemu ✔ — Ankara #{id} (KES {amount})\nMfanyabiashara amepokea KES {received}"
            + " ({method}).\nSalio: KES {balance}."),
    RECEIPT_OUTSIDE_PART_SMS("Invoice {id}: merchant received KES {received} ({method}). Balance KES {balance}.",
            "Ankara {id}: mfanyabiashara amepokea KES {received} ({method}). Salio KES {balance}."),

    // ---- another payer -------------------------------------------------------------------------------------------
    PAID_FROM("Paid from {payer}.", "Imelipwa kutoka {payer}."),
    OTHER_PHONE_LABEL("Pay from another phone (optional)", "Lipa kutoka simu nyingine (si lazima)"),
    OTHER_PHONE_HINT("Leave empty to pay from {payTo}. Another Kenyan M-PESA number gets the prompt instead.",
            "Acha wazi kulipa kutoka {payTo}. Nambari nyingine ya M-PESA ya Kenya itapokea ombi badala yake."),
    OTHER_PHONE_INVALID("That is not a Kenyan M-PESA number. Use 07XXXXXXXX, 01XXXXXXXX or +254XXXXXXXXX, then tap"
            + " Pay with M-PESA again.",
            "Hiyo si nambari ya M-PESA ya Kenya. Tumia 07XXXXXXXX, 01XXXXXXXX au +254XXXXXXXXX, kisha bonyeza"
            + " Lipa kwa M-PESA tena."),
    PROMPT_SENT_TO_OTHER("An M-PESA prompt for KES {amount} (Invoice #{id}) was sent to {payer}. Enter the M-PESA"
            + " PIN on that phone.",
            "Ombi la M-PESA la KES {amount} (ankara #{id}) limetumwa kwa {payer}. Weka PIN ya M-PESA kwenye simu"
            + " hiyo."),
    ;

    private final String en;
    private final String sw;

    CashPhrases(String en, String sw) {
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
