package ke.invoiceiq.domain.copy;

/** What the customer reads about an invoice outside the chat: the invoice itself in each form a channel needs, the receipt and the cancellation. The English is the product copy of docs/chat-flow.md. */
public enum InvoicePhrases implements Phrase {
    /** The invoice as first sent, by WhatsApp. */
    INVOICE("{business} — Invoice #{id}\nAmount: KES {amount}\nFor: {name}\nItem: {item}",
            "{business} — Ankara #{id}\nKiasi: KES {amount}\nKwa: {name}\nBidhaa: {item}"),
    /** The name on an invoice whose customer has none, in the chat text and the template. */
    CUSTOMER("Customer",
            "Mteja"),
    /** The merchant's nudge: the invoice again. */
    REMINDER("Reminder: {invoice}",
            "Kikumbusho: {invoice}"),
    /** The line under every invoice when the merchant has a Paybill: how to pay from the M-PESA menu. */
    OR_PAYBILL("Or pay by Paybill {paybill}, account {id}",
            "Au lipa kwa Paybill {paybill}, akaunti {id}"),
    /** The invoice by SMS; {forItem} is SMS_FOR_ITEM with its full stop, or just the stop; {otherWays} the rest of the ways to pay. */
    SMS("Invoice {id}: KES {amount}{forItem} Pay: {link}{otherWays}",
            "Ankara {id}: KES {amount}{forItem} Lipa: {link}{otherWays}"),
    SMS_FOR_ITEM(" for {item}",
            " ya {item}"),
    /** The day an invoice with a due date is due, by SMS: after the item, before the pay link. */
    SMS_DUE(" Due {date}.",
            " Lipa kabla ya {date}."),
    /** Only when SMS replies reach the service. */
    SMS_OR_REPLY(" or reply PAY {id}",
            " au jibu PAY {id}"),
    SMS_OR_PAYBILL(" or Paybill {paybill} A/C {id}",
            " au Paybill {paybill} A/C {id}"),
    SMS_PAYBILL_OR_REPLY(", Paybill {paybill} A/C {id} or reply PAY {id}",
            ", Paybill {paybill} A/C {id} au jibu PAY {id}"),
    /** To customer and merchant once paid. */
    RECEIPT("Paid ✔ — Invoice #{id} (KES {amount})\nReceipt: {receipt}\nThank you!",
            "Imelipwa ✔ — Ankara #{id} (KES {amount})\nRisiti: {receipt}\nAsante!"),
    /** In place of a receipt number M-PESA did not give. */
    RECEIPT_CONFIRMED("confirmed by M-PESA",
            "imethibitishwa na M-PESA"),
    RECEIPT_SMS("Paid: Invoice {id} KES {amount}. M-PESA receipt {receipt}. Thank you!",
            "Imelipwa: Ankara {id} KES {amount}. Risiti ya M-PESA {receipt}. Asante!"),
    RECEIPT_SMS_CONFIRMED("confirmed",
            "imethibitishwa"),
    /** The receipt of an invoice the merchant marked paid (cash, bank). */
    RECEIPT_OUTSIDE_MPESA("Paid ✔ — Invoice #{id} (KES {amount})\nPayment received by the merchant. Thank you!",
            "Imelipwa ✔ — Ankara #{id} (KES {amount})\nMalipo yamepokelewa na mfanyabiashara. Asante!"),
    RECEIPT_OUTSIDE_MPESA_SMS("Paid: Invoice {id} KES {amount}. Received by the merchant. Thank you!",
            "Imelipwa: Ankara {id} KES {amount}. Imepokelewa na mfanyabiashara. Asante!"),
    ;

    private final String en;
    private final String sw;

    InvoicePhrases(String en, String sw) {
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
