package ke.invoiceiq.domain.copy;

/** What customer and merchant are told about a payment outside the chat: failures, part payments, refunds due, M-PESA's silence, money that matches no invoice. */
public enum PaymentPhrases implements Phrase {
    FAILED_TO_CUSTOMER("Payment for Invoice #{id} (KES {amount}) did not go through.\n{sentence}",
            "Malipo ya Ankara #{id} (KES {amount}) hayakufaulu.\n{sentence}"),
    FAILED_TO_MERCHANT("Payment for Invoice #{id} (KES {amount}) failed: {reason}.\nThe invoice is still open; the customer can tap Pay with M-PESA again.",
            "Malipo ya Ankara #{id} (KES {amount}) hayakufaulu: {reason}.\nAnkara bado iko wazi; mteja anaweza kubonyeza Lipa kwa M-PESA tena."),
    FAILED_SMS_REPLY("Payment for Invoice {id} (KES {amount}) did not go through: {reason}. To try again, reply PAY {id}",
            "Malipo ya Ankara {id} (KES {amount}) hayakufaulu: {reason}. Kujaribu tena, jibu PAY {id}"),
    FAILED_SMS_LINK("Payment for Invoice {id} (KES {amount}) did not go through: {reason}. To try again: {link}",
            "Malipo ya Ankara {id} (KES {amount}) hayakufaulu: {reason}. Kujaribu tena: {link}"),
    PAID_AFTER_CANCELLATION("Heads up: Invoice #{id} (KES {amount}) was cancelled, but the customer paid it anyway (receipt {receipt}).\nIt is now marked paid. Refund the customer on M-PESA if the sale is off.",
            "Tahadhari: Ankara #{id} (KES {amount}) ilifutwa, lakini mteja ameilipa (risiti {receipt}).\nSasa imewekwa kama imelipwa. Mrudishie mteja pesa kwa M-PESA kama mauzo yamesitishwa."),
    EXCESS_TO_REFUND("Invoice #{id} (KES {amount}) is paid, with KES {excess} more than its amount (receipt {receipt}).\nPlease refund the customer the extra KES {excess}.",
            "Ankara #{id} (KES {amount}) imelipwa, na KES {excess} zaidi ya kiasi chake (risiti {receipt}).\nTafadhali mrudishie mteja KES {excess} za ziada."),
    DOUBLE_PAYMENT("Invoice #{id} (KES {amount}) was paid twice: another KES {excess} came with M-PESA receipt {receipt}.\nPlease refund the customer the extra KES {excess}.",
            "Ankara #{id} (KES {amount}) imelipwa mara mbili: KES {excess} nyingine zimekuja na risiti ya M-PESA {receipt}.\nTafadhali mrudishie mteja KES {excess} za ziada."),
    DOUBLE_PAYMENT_TO_CUSTOMER("Invoice #{id} was already paid, and we received another KES {excess} (receipt {receipt}).\nThe merchant will refund you. No need to do anything.",
            "Ankara #{id} ilikuwa imeshalipwa, na tumepokea KES {excess} nyingine (risiti {receipt}).\nMfanyabiashara atakurudishia. Huhitaji kufanya chochote."),
    PART_PAYMENT_TO_CUSTOMER("Received KES {received} for Invoice #{id} (receipt {receipt}).\nStill to pay: KES {balance}. Tap Pay with M-PESA to pay the rest.",
            "Tumepokea KES {received} kwa Ankara #{id} (risiti {receipt}).\nBaki: KES {balance}. Bonyeza Lipa kwa M-PESA kulipa kilichobaki."),
    PART_PAYMENT_SMS_REPLY("Received KES {received} for Invoice {id}. Still to pay: KES {balance}. Reply PAY {id} to pay the rest.",
            "Tumepokea KES {received} kwa Ankara {id}. Baki: KES {balance}. Jibu PAY {id} kulipa kilichobaki."),
    PART_PAYMENT_SMS_LINK("Received KES {received} for Invoice {id}. Still to pay: KES {balance}. Pay the rest: {link}",
            "Tumepokea KES {received} kwa Ankara {id}. Baki: KES {balance}. Lipa kilichobaki: {link}"),
    PART_PAYMENT_TO_MERCHANT("Part payment: KES {received} received for Invoice #{id} (KES {amount}), receipt {receipt}.\nStill to pay: KES {balance}. The customer was told.",
            "Malipo ya sehemu: KES {received} zimepokelewa kwa Ankara #{id} (KES {amount}), risiti {receipt}.\nBaki: KES {balance}. Mteja ameambiwa."),
    RECEIVED_WHILE_CANCELLED_TO_MERCHANT("Heads up: Invoice #{id} (KES {amount}) was cancelled, but the customer paid KES {received} (receipt {receipt}).\nPlease refund the customer on M-PESA.",
            "Tahadhari: Ankara #{id} (KES {amount}) ilifutwa, lakini mteja amelipa KES {received} (risiti {receipt}).\nTafadhali mrudishie mteja pesa kwa M-PESA."),
    RECEIVED_WHILE_CANCELLED_TO_CUSTOMER("We received KES {received} for Invoice #{id} (receipt {receipt}), but the merchant had cancelled it.\nThe merchant will refund you.",
            "Tumepokea KES {received} kwa Ankara #{id} (risiti {receipt}), lakini mfanyabiashara alikuwa ameifuta.\nMfanyabiashara atakurudishia pesa."),
    NO_ANSWER_TO_CUSTOMER("We have not heard back from M-PESA about your payment for Invoice #{id} (KES {amount}).\nIf M-PESA took the money, do not pay again: your receipt follows once M-PESA confirms it.",
            "Bado hatujapata jibu la M-PESA kuhusu malipo yako ya Ankara #{id} (KES {amount}).\nKama M-PESA imekata pesa, usilipe tena: risiti yako itafika M-PESA ikithibitisha."),
    NO_ANSWER_SMS("No answer yet from M-PESA about your KES {amount} payment for Invoice {id}. If money left your account, do not pay again.",
            "Bado hakuna jibu la M-PESA kuhusu malipo yako ya KES {amount} kwa Ankara {id}. Kama pesa zimetoka, usilipe tena."),
    NO_ANSWER_TO_MERCHANT("M-PESA never told us how the KES {amount} payment for Invoice #{id} ended (asked from {payer} at {time}).\nCheck your M-PESA statement for it. If it arrives later it is applied automatically; the invoice stays open meanwhile.",
            "M-PESA haikutueleza jinsi malipo ya KES {amount} kwa Ankara #{id} yalivyoisha (yaliombwa kutoka {payer} saa {time}).\nAngalia taarifa yako ya M-PESA. Yakifika baadaye yatawekwa yenyewe; ankara inabaki wazi kwa sasa."),
    UNMATCHED_TO_MERCHANT("M-PESA payment that matches no invoice: KES {amount} from {payer}, receipt {receipt}, at {time}.\nIt is kept as unmatched payment {unmatched}: apply it to the right invoice, or refund it.",
            "Malipo ya M-PESA yasiyolingana na ankara yoyote: KES {amount} kutoka {payer}, risiti {receipt}, saa {time}.\nYamewekwa kama malipo yasiyolingana {unmatched}: yaweke kwenye ankara sahihi, au yarudishe."),
    UNKNOWN_NUMBER("an unknown number",
            "nambari isiyojulikana"),
    /** In place of a receipt number M-PESA did not give. */
    NOT_GIVEN("not given",
            "haikutolewa"),
    MINUTE("1 minute",
            "dakika 1"),
    MINUTES("{n} minutes",
            "dakika {n}"),
    ;

    private final String en;
    private final String sw;

    PaymentPhrases(String en, String sw) {
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
