package ke.invoiceiq.domain.copy;

/** Why an M-PESA prompt ended without money, in plain words for both sides ({@code *_REASON}) and what the payer reads ({@code *_SENTENCE}; {@code {wait}} is how long to wait before pressing again). One pair per {@code StkReason}; PaymentCopy picks them. */
public enum ReasonPhrases implements Phrase {
    PAID_REASON("paid",
            "imelipwa"),
    PAID_SENTENCE("Payment received. Thank you!",
            "Malipo yamepokelewa. Asante!"),
    INSUFFICIENT_FUNDS_REASON("insufficient M-PESA balance",
            "salio la M-PESA halitoshi"),
    INSUFFICIENT_FUNDS_SENTENCE("Your M-PESA balance was not enough. Top up, then tap Pay with M-PESA again.",
            "Salio lako la M-PESA halikutosha. Ongeza pesa, kisha bonyeza Lipa kwa M-PESA tena."),
    RULE_LIMITED_REASON("a same-amount payment was made less than 2 minutes ago",
            "malipo ya kiasi hicho hicho yalifanywa chini ya dakika 2 zilizopita"),
    RULE_LIMITED_SENTENCE("M-PESA blocked a repeat payment. Tap Pay with M-PESA again in {wait}.",
            "M-PESA imezuia malipo yanayojirudia. Bonyeza Lipa kwa M-PESA tena baada ya {wait}."),
    SUBSCRIBER_BUSY_REASON("another M-PESA prompt was open on the phone",
            "ombi lingine la M-PESA lilikuwa wazi kwenye simu"),
    SUBSCRIBER_BUSY_SENTENCE("Another M-PESA prompt is open on your phone. Finish or close it, then tap Pay with M-PESA again.",
            "Kuna ombi lingine la M-PESA wazi kwenye simu yako. Limalize au ulifunge, kisha bonyeza Lipa kwa M-PESA tena."),
    EXPIRED_REASON("the prompt expired",
            "muda wa ombi uliisha"),
    EXPIRED_SENTENCE("The M-PESA prompt expired. Tap Pay with M-PESA to get a new one.",
            "Muda wa ombi la M-PESA umeisha. Bonyeza Lipa kwa M-PESA upate jingine."),
    PUSH_ERROR_REASON("M-PESA could not send the prompt",
            "M-PESA haikuweza kutuma ombi"),
    PUSH_ERROR_SENTENCE("M-PESA could not send the prompt. Please tap Pay with M-PESA again.",
            "M-PESA haikuweza kutuma ombi. Tafadhali bonyeza Lipa kwa M-PESA tena."),
    CANCELLED_BY_USER_REASON("the payment was cancelled on the phone",
            "malipo yalisitishwa kwenye simu"),
    CANCELLED_BY_USER_SENTENCE("You cancelled the M-PESA prompt. When you are ready, tap Pay with M-PESA again in {wait}.",
            "Ulisitisha ombi la M-PESA. Ukiwa tayari, bonyeza Lipa kwa M-PESA tena baada ya {wait}."),
    PHONE_UNREACHABLE_REASON("the phone could not be reached",
            "simu haikupatikana"),
    PHONE_UNREACHABLE_SENTENCE("We could not reach your phone. Check it is on and has network, then tap Pay with M-PESA again in {wait}.",
            "Hatukuweza kufikia simu yako. Hakikisha imewashwa na ina mtandao, kisha bonyeza Lipa kwa M-PESA tena baada ya {wait}."),
    WRONG_PIN_REASON("the M-PESA PIN was wrong",
            "PIN ya M-PESA haikuwa sahihi"),
    WRONG_PIN_SENTENCE("The M-PESA PIN was wrong. Tap Pay with M-PESA to try again.",
            "PIN ya M-PESA haikuwa sahihi. Bonyeza Lipa kwa M-PESA kujaribu tena."),
    GENERIC_FAILURE_REASON("M-PESA could not complete the payment",
            "M-PESA haikuweza kukamilisha malipo"),
    GENERIC_FAILURE_SENTENCE("M-PESA could not complete the payment. Please tap Pay with M-PESA again.",
            "M-PESA haikuweza kukamilisha malipo. Tafadhali bonyeza Lipa kwa M-PESA tena."),
    UNAVAILABLE_REASON("M-PESA was not taking requests",
            "M-PESA haikuwa ikipokea maombi"),
    UNAVAILABLE_SENTENCE("M-PESA is not answering right now. Please tap Pay with M-PESA again in a moment.",
            "M-PESA haijibu kwa sasa. Tafadhali bonyeza Lipa kwa M-PESA tena baada ya muda mfupi."),
    REJECTED_REASON("M-PESA refused the request (merchant settings)",
            "M-PESA ilikataa ombi (mipangilio ya mfanyabiashara)"),
    REJECTED_SENTENCE("M-PESA could not take the request. Please tap Pay with M-PESA again later.",
            "M-PESA haikuweza kupokea ombi. Tafadhali bonyeza Lipa kwa M-PESA tena baadaye."),
    NO_ANSWER_REASON("M-PESA never confirmed the outcome",
            "M-PESA haikuthibitisha matokeo"),
    NO_ANSWER_SENTENCE("M-PESA has not confirmed your last payment. If the money left your account, do not pay again. If not, tap Pay with M-PESA.",
            "M-PESA haijathibitisha malipo yako ya mwisho. Kama pesa zimetoka kwenye akaunti yako, usilipe tena. Kama hazijatoka, bonyeza Lipa kwa M-PESA."),
    ;

    private final String en;
    private final String sw;

    ReasonPhrases(String en, String sw) {
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
