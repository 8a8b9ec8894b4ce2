package ke.invoiceiq.domain.copy;

/** Every word of the pay page ({@code /pay/{token}}) that is not the invoice's own: titles, labels, states, the hint under the button, notices and the pages for a bad link or an outage. */
public enum PayPagePhrases implements Phrase {
    TITLE("Invoice {id} · {business}",
            "Ankara {id} · {business}"),
    TITLE_NOT_FOUND("Pay link not found · {business}",
            "Kiungo cha malipo hakipatikani · {business}"),
    TITLE_UNAVAILABLE("Please try again · {business}",
            "Tafadhali jaribu tena · {business}"),
    INVOICE_NUMBER("Invoice #{id}",
            "Ankara #{id}"),
    INVOICE_LABEL("Invoice #",
            "Ankara #"),
    AMOUNT_DUE("Amount due",
            "Kiasi cha kulipa"),
    STILL_TO_PAY("Still to pay",
            "Baki ya kulipa"),
    AMOUNT_PAID("Amount paid",
            "Kiasi kilicholipwa"),
    AMOUNT("Amount",
            "Kiasi"),
    INVOICE_TOTAL("Invoice total",
            "Jumla ya ankara"),
    RECEIVED("Received",
            "Kilichopokelewa"),
    STATUS("Status",
            "Hali"),
    MPESA_RECEIPT("M-PESA receipt",
            "Risiti ya M-PESA"),
    STATE_PAID("Paid",
            "Imelipwa"),
    STATE_CANCELLED("Cancelled",
            "Imefutwa"),
    STATE_WAITING("Waiting for your M-PESA PIN",
            "Tunasubiri PIN yako ya M-PESA"),
    STATE_PART_PAID("Part paid",
            "Imelipwa sehemu"),
    STATE_AWAITING("Awaiting payment",
            "Inasubiri malipo"),
    HINT("The M-PESA prompt goes to {payTo}, the number this invoice was sent to, unless you type another number"
            + " above.",
            "Ombi la M-PESA litaenda kwa {payTo}, nambari iliyotumiwa ankara hii, isipokuwa uandike nambari nyingine"
            + " hapo juu."),
    HINT_BALANCE("The M-PESA prompt asks for KES {amount}, the balance, and goes to {payTo}, the number this invoice"
            + " was sent to, unless you type another number above.",
            "Ombi la M-PESA litaomba KES {amount}, kiasi kilichobaki, na litaenda kwa {payTo}, nambari iliyotumiwa"
            + " ankara hii, isipokuwa uandike nambari nyingine hapo juu."),
    REFRESH("Refresh status",
            "Onyesha hali mpya"),
    FOOTER("You pay with M-PESA on your phone: this page never asks for your PIN. Keep this link private: anyone with it can see this invoice.",
            "Unalipa kwa M-PESA kwenye simu yako: ukurasa huu hautawahi kukuomba PIN yako. Usimpe mtu kiungo hiki: yeyote aliye nacho anaweza kuona ankara hii."),
    NOT_FOUND("This pay link doesn't work",
            "Kiungo hiki cha malipo hakifanyi kazi"),
    NOT_FOUND_CHECK("Please check that you opened the whole link from your SMS or WhatsApp message.",
            "Tafadhali hakikisha umefungua kiungo chote kutoka kwenye SMS au ujumbe wako wa WhatsApp."),
    NOT_FOUND_ASK("If it still doesn't work, ask {business} to send you the invoice again.",
            "Kikiendelea kukataa, omba {business} wakutumie ankara tena."),
    UNAVAILABLE("Sorry, something went wrong on our side",
            "Samahani, kuna hitilafu upande wetu"),
    UNAVAILABLE_AGAIN("Please open the link again in a minute.",
            "Tafadhali fungua kiungo tena baada ya dakika moja."),
    PART_PAID("Received KES {paid} — KES {balance} still to pay.",
            "Tumepokea KES {paid} — KES {balance} bado kulipwa."),
    PAY_THE_REST("Tap Pay with M-PESA to pay the rest.",
            "Bonyeza Lipa kwa M-PESA kulipa kilichobaki."),
    NOT_MATCHED("Sorry, that request could not be matched to Invoice #{id}.\nPlease tap Pay with M-PESA again.",
            "Samahani, ombi hilo halikuweza kuunganishwa na Ankara #{id}.\nTafadhali bonyeza Lipa kwa M-PESA tena."),
    TRY_AGAIN_LATER("Please wait about {wait}, then tap Pay with M-PESA again. (Invoice #{id}, KES {amount})",
            "Tafadhali subiri kama {wait}, kisha bonyeza Lipa kwa M-PESA tena. (Ankara #{id}, KES {amount})"),
    TAP_AGAIN_NOW("{reason}. You can tap Pay with M-PESA again now.",
            "{reason}. Unaweza kubonyeza Lipa kwa M-PESA tena sasa."),
    INVOICE_AND_AMOUNT("(Invoice #{id}, KES {amount})",
            "(Ankara #{id}, KES {amount})"),
    ;

    private final String en;
    private final String sw;

    PayPagePhrases(String en, String sw) {
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
