package ke.invoiceiq.domain.copy;

/**
 * Every label of the sandbox's phone simulator ({@code /sandbox}, its page and its script). The words the phones
 * show in their chats are the service's own.
 */
public enum SandboxPhrases implements Phrase {
    TITLE("InvoiceIQ sandbox · {business}",
            "InvoiceIQ majaribio · {business}"),
    HEADING("InvoiceIQ sandbox",
            "InvoiceIQ majaribio"),
    INTRO("WhatsApp, M-PESA and SMS are simulated: nothing leaves this machine and nobody is charged. Everything else is the real service: the simulated providers talk to its real webhook and callback endpoints.",
            "WhatsApp, M-PESA na SMS ni za kuigiza: hakuna kinachotoka kwenye mashine hii na hakuna anayekatwa pesa. Mengine yote ni huduma halisi: watoa huduma wa kuigiza wanaongea na webhook na callback zake halisi."),
    /** The link to the page in the other language, named in that language. */
    OTHER_LANGUAGE("Kiswahili",
            "English"),
    MERCHANT_TITLE("{business} bot",
            "Boti ya {business}"),
    MERCHANT_SUB("The merchant's WhatsApp",
            "WhatsApp ya mfanyabiashara"),
    TO_THE_BOT("WhatsApp message to the bot",
            "Ujumbe wa WhatsApp kwa boti"),
    SEND("Send",
            "Tuma"),
    TRY("Try",
            "Jaribu"),
    CUSTOMER_PHONE("The customer's phone",
            "Simu ya mteja"),
    NO_WHATSAPP_HINT("Numbers starting {prefixes} are not on WhatsApp: their invoices arrive by SMS.",
            "Nambari zinazoanza na {prefixes} hazina WhatsApp: ankara zao zinafika kwa SMS."),
    EVERYONE_ON_WHATSAPP("Every number is on WhatsApp.",
            "Kila nambari iko kwenye WhatsApp."),
    ENTER_PIN("Enter M-PESA PIN",
            "Weka PIN ya M-PESA"),
    CANCEL("Cancel",
            "Ghairi"),
    OK("OK",
            "Sawa"),
    WHATSAPP_TO_BUSINESS("WhatsApp to the business",
            "WhatsApp kwa biashara"),
    WHATSAPP_MESSAGE_TO_BUSINESS("WhatsApp message to the business",
            "Ujumbe wa WhatsApp kwa biashara"),
    SMS_TO_BUSINESS_EXAMPLE("SMS to the business, e.g. PAY INV-…",
            "SMS kwa biashara, mfano PAY INV-…"),
    SMS_TO_BUSINESS("SMS to the business",
            "SMS kwa biashara"),
    SEND_SMS("Send SMS",
            "Tuma SMS"),
    RULES_TITLE("How a payment ends",
            "Malipo yanavyoisha"),
    RULES("The amount decides, like a test card number. OK on the prompt gives the result below; Cancel is always 1032. Nobody answering within {seconds} s counts as OK.",
            "Kiasi ndicho kinaamua, kama nambari ya kadi ya majaribio. OK kwenye ombi inaleta matokeo yaliyo hapa chini; Cancel ni 1032 kila mara. Asipojibu mtu ndani ya sekunde {seconds}, ni kama OK."),
    AMOUNT_ENDS_IN("amount ends in",
            "kiasi kinaishia na"),
    RESULT("result",
            "matokeo"),
    CANCELLED_BY_CUSTOMER("cancelled by the customer (1032)",
            "mteja amesitisha (1032)"),
    PHONE_UNREACHABLE("phone unreachable (1037)",
            "simu haipatikani (1037)"),
    WRONG_PIN("wrong PIN (2001)",
            "PIN si sahihi (2001)"),
    INSUFFICIENT_FUNDS("insufficient funds (1)",
            "salio halitoshi (1)"),
    ANYTHING_ELSE("anything else",
            "kingine chochote"),
    PAID_WITH_RECEIPT("paid, with a receipt SBX…",
            "imelipwa, na risiti SBX…"),
    ANSWERED_HTTP("The sandbox answered HTTP {status}.",
            "Sandbox imejibu HTTP {status}."),
    WHATSAPP_AND_SMS("WhatsApp + SMS",
            "WhatsApp na SMS"),
    SMS_ONLY("No WhatsApp: SMS only",
            "Hana WhatsApp: SMS tu"),
    STK_QUESTION("Do you want to pay KES {amount} to {business} for account {account}?",
            "Je, unataka kulipa KES {amount} kwa {business} kwa akaunti {account}?"),
    STK_TIMER("No answer within {seconds} s and the sandbox answers OK for you.",
            "Usipojibu ndani ya sekunde {seconds}, sandbox itakujibia OK."),
    ;

    private final String en;
    private final String sw;

    SandboxPhrases(String en, String sw) {
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
