package ke.invoiceiq.domain.copy;

/**
 * What the bot says to the merchant: the guided flow's questions, the commands' help and replies. An invoice is
 * always named with its number and amount ({@link #INVOICE_LABEL}).
 */
public enum MerchantChatPhrases implements Phrase {
    // ---- guided flow
    ASK_PHONE("What is the customer's phone number? (e.g., 0712345678 or +254712345678)",
            "Namba ya simu ya mteja ni ipi? (mf. 0712345678 au +254712345678)"),
    ASK_NAME("Customer name? (Optional) Reply with the name or send '-' to skip.",
            "Jina la mteja? (Si lazima) Jibu kwa jina au tuma '-' kuruka."),
    ASK_AMOUNT("Amount in KES? (Whole number, e.g., 2500)",
            "Kiasi kwa KES? (Namba kamili, mf. 2500)"),
    ASK_DESCRIPTION("Short description of the invoice (3–120 chars).",
            "Maelezo mafupi ya ankara (herufi 3–120)."),
    CHOOSE_EDIT("What would you like to change?",
            "Ungependa kubadilisha nini?"),
    PREVIEW("Review invoice:\n• To: {to} ({name})\n• Amount: KES {amount}\n• Item: {item}\n\nSend to customer now?",
            "Kagua ankara:\n• Kwa: {to} ({name})\n• Kiasi: KES {amount}\n• Bidhaa: {item}\n\nTuma kwa mteja sasa?"),
    DRAFT_REPLACED("Your draft was replaced by the invoice you just typed. Check it, then tap Send.",
            "Rasimu yako imebadilishwa na ankara uliyoandika sasa hivi. Iangalie, kisha bonyeza Tuma."),
    FLOW_CANCELLED("Okay, cancelled. No invoice was created.",
            "Sawa, imeghairiwa. Hakuna ankara iliyoundwa."),
    FLOW_HELP("You can create an invoice step-by-step. At any time, send 'cancel' to stop.",
            "Unaweza kuunda ankara hatua kwa hatua. Wakati wowote, tuma 'ghairi' kusimamisha."),
    STILL_THERE("Still there? Reply to continue or send 'cancel' to stop.",
            "Bado upo? Jibu ili kuendelea au tuma 'ghairi' kusimamisha."),
    SESSION_CLOSED("Session closed. Send 'new invoice' to start again.",
            "Kipindi kimefungwa. Tuma 'ankara mpya' kuanza upya."),
    USE_BUTTONS("Please tap one of the buttons, or send 'cancel' to stop.",
            "Tafadhali bonyeza moja ya vitufe, au tuma 'ghairi' kusimamisha."),
    NO_INVOICE_IN_PROGRESS("There's no invoice in progress. Send 'new invoice' to start one.",
            "Hakuna ankara inayoandaliwa. Tuma 'ankara mpya' kuanza."),

    // ---- commands
    COMMAND_HELP("Commands: invoice <phone or name> <amount> <description> · invoice (step by step)\n"
            + "remind <id> · cancel <id> · status <id> · paid <id> [amount] cash|bank · list · lang <phone> sw|en"
            + " · help",
            "Amri: ankara <simu au jina> <kiasi> <maelezo> · ankara (hatua kwa hatua)\n"
            + "kumbusha <id> · ghairi <id> · hali <id> · paid <id> [kiasi] cash|bank · orodha · lugha <simu> sw|en"
            + " · msaada"),
    UNKNOWN_COMMAND("Sorry, I didn't get that. Try: invoice 0712345678 2500 Cleaning\nor send 'help' for all commands.",
            "Samahani, sijaelewa. Jaribu: ankara 0712345678 2500 Usafi\nau tuma 'msaada' kuona amri zote."),
    UNSUPPORTED("Sorry, I can only read text and button taps. Send 'help' for the commands.",
            "Samahani, naweza kusoma maandishi na vitufe tu. Tuma 'msaada' kuona amri."),
    INVOICE_SENT("Invoice #{id} (KES {amount}) sent to {phone}.\n"
            + "Use 'remind {id}' to nudge or 'cancel {id}' to cancel.",
            "Ankara #{id} (KES {amount}) imetumwa kwa {phone}.\n"
            + "Tuma 'kumbusha {id}' kumkumbusha au 'ghairi {id}' kuighairi."),
    INVOICE_LABEL("Invoice #{id} (KES {amount})", "Ankara #{id} (KES {amount})"),
    NOT_FOUND("I can't find invoice {id}. Send 'list' to see your latest invoices.",
            "Sijaipata ankara {id}. Tuma 'orodha' kuona ankara zako za hivi karibuni."),
    LIST_EMPTY("No invoices yet. Try: invoice 0712345678 2500 Cleaning",
            "Bado hakuna ankara. Jaribu: ankara 0712345678 2500 Usafi"),
    LIST_HEADER("Your latest invoices:", "Ankara zako za hivi karibuni:"),

    // ---- remind
    REMINDED("Reminder sent to {phone} for {invoice}.", "Kikumbusho kimetumwa kwa {phone} kwa {invoice}."),
    REDELIVERED("{invoice} had not been delivered.\nSending it to {phone} again.",
            "{invoice} haikuwa imefika.\nInatumwa tena kwa {phone}."),
    NOT_REMINDED("No reminder sent for {invoice}: {reason}.",
            "Hakuna kikumbusho kilichotumwa kwa {invoice}: {reason}."),
    REMIND_AGAIN_IN_ONE_MINUTE("you reminded them recently. You can remind again in 1 minute",
            "ulimkumbusha hivi karibuni. Unaweza kukumbusha tena baada ya dakika 1"),
    REMIND_AGAIN_IN_MINUTES("you reminded them recently. You can remind again in {minutes} minutes",
            "ulimkumbusha hivi karibuni. Unaweza kukumbusha tena baada ya dakika {minutes}"),

    // ---- cancel
    CANCELLED("{invoice} is cancelled.", "{invoice} imeghairiwa."),
    CANCELLED_CUSTOMER_TOLD("{invoice} is cancelled. The customer has been told.",
            "{invoice} imeghairiwa. Mteja amearifiwa."),
    ALREADY_CANCELLED("{invoice} was already cancelled.", "{invoice} ilikuwa imeshaghairiwa."),
    NOT_CANCELLED("{invoice} was not cancelled: {reason}.", "{invoice} haikughairiwa: {reason}."),

    // ---- why a command was refused (completes NOT_REMINDED and NOT_CANCELLED)
    REFUSED_NOT_SENT_YET("it has not been sent yet. Try again in a minute",
            "bado haijatumwa. Jaribu tena baada ya dakika moja"),
    REFUSED_ALREADY_PAID("it is already paid (receipt {receipt})", "imeshalipwa (risiti {receipt})"),
    REFUSED_CANCELLED("it was cancelled", "ilighairiwa"),
    REFUSED_PAYMENT_IN_FLIGHT("a payment is in progress — try again in a few minutes",
            "malipo yanaendelea — jaribu tena baada ya dakika chache"),
    REFUSED_REMINDED_RECENTLY("you reminded them less than an hour ago",
            "ulimkumbusha chini ya saa moja iliyopita"),
    REFUSED_REMINDER_LIMIT("it has had {count} reminders already, the most allowed. Give the customer a call",
            "imeshapata vikumbusho {count}, idadi ya juu kabisa. Mpigie mteja simu"),

    // ---- status
    STATUS("{invoice} to {to}: {state}\nItem: {item}", "{invoice} kwa {to}: {state}\nBidhaa: {item}"),
    STATE_PENDING("waiting to be delivered.", "inasubiri kufikishwa."),
    STATE_SENT_UNPAID("sent, not paid yet.", "imetumwa, bado haijalipwa."),
    STATE_SENT("sent.", "imetumwa."),
    STATE_REMINDED_ONCE("Reminded 1 time.", "Imekumbushwa mara 1."),
    STATE_REMINDED_TIMES("Reminded {count} times.", "Imekumbushwa mara {count}."),
    STATE_PAID("paid ✔ Receipt: {receipts}.", "imelipwa ✔ Risiti: {receipts}."),
    /** Paid, none of it through M-PESA: what was recorded outside M-PESA follows. */
    STATE_PAID_OUTSIDE("paid ✔", "imelipwa ✔"),
    STATE_OVERPAID("KES {paid} received in all: refund KES {refund}.",
            "KES {paid} zimepokelewa kwa jumla: rudisha KES {refund}."),
    STATE_CANCELLED("cancelled.", "imeghairiwa."),
    STATE_CANCELLED_REFUND("KES {paid} was received (receipt {receipts}): refund it.",
            "KES {paid} zilipokelewa (risiti {receipts}): zirudishe."),
    STATE_FAILED("could not be delivered. Send 'remind {id}' to try again.",
            "haikuweza kufikishwa. Tuma 'kumbusha {id}' kujaribu tena."),
    STATE_PARTLY_PAID("KES {paid} paid (receipt {receipts}), KES {balance} still to pay.",
            "KES {paid} zimelipwa (risiti {receipts}), KES {balance} bado kulipwa."),
    STATE_PAYMENT_IN_PROGRESS("A payment is in progress.", "Malipo yanaendelea."),

    // ---- a customer named by a name (invoice Mama Njeri 1200 …) that the directory does not settle
    UNKNOWN_CUSTOMER("I don't know a customer called {name}.\nUse their phone number: invoice 07XXXXXXXX 2500 Cleaning",
            "Simjui mteja anayeitwa {name}.\nTumia namba yake ya simu: ankara 07XXXXXXXX 2500 Usafi"),
    AMBIGUOUS_CUSTOMER("{count} customers are called {name}.\n"
            + "Use the phone number instead: invoice 07XXXXXXXX 2500 Cleaning",
            "Wateja {count} wanaitwa {name}.\nTumia namba ya simu badala yake: ankara 07XXXXXXXX 2500 Usafi"),

    // ---- an input the merchant must fix, by the field it is about. In English the parsers' own, more precise
    // messages are shown; these are the short forms (the product copy's), and what a Swahili merchant reads.
    INVALID_PHONE("Invalid phone. Use 07XXXXXXXX, 01XXXXXXXX or +254XXXXXXXXX.",
            "Namba ya simu si sahihi. Tumia 07XXXXXXXX, 01XXXXXXXX au +254XXXXXXXXX."),
    INVALID_NAME("2–60 characters or '-' to skip.", "Jina liwe na herufi 2–60, au tuma '-' kuruka."),
    INVALID_AMOUNT("Invalid amount. Use a whole number (e.g., 2500).",
            "Kiasi si sahihi. Tumia namba kamili ya KES (mf. 2500)."),
    INVALID_DESCRIPTION("3–120 characters, please.", "Maelezo yawe na herufi 3–120, tafadhali."),
    INVALID_INVOICE_ID("Invalid invoice id. Example: INV-7K3Q9X", "Namba ya ankara si sahihi. Mfano: INV-7K3Q9X"),
    INVALID_COMMAND("Sorry, I didn't get that. Send 'help' for all commands.",
            "Samahani, sijaelewa. Tuma 'msaada' kuona amri zote."),
    INVALID_LANGUAGE("Which language: sw or en?", "Lugha gani: sw au en?"),
    EXAMPLE_INVOICE("Example: invoice 0712345678 2500 Cleaning", "Mfano: ankara 0712345678 2500 Usafi"),
    EXAMPLE_LANGUAGE("Example: lang 0712345678 sw (or en)", "Mfano: lugha 0712345678 sw (au en)"),

    // ---- lang <phone> sw|en
    LANGUAGE_SET("Done: {phone} will get invoices and replies in {language} from now on.",
            "Sawa: {phone} atapata ankara na majibu kwa {language} kuanzia sasa."),
    LANGUAGE_NAME_EN("English", "Kiingereza"),
    LANGUAGE_NAME_SW("Swahili", "Kiswahili"),
    ;

    private final String en;
    private final String sw;

    MerchantChatPhrases(String en, String sw) {
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

    /** The name of {@code language}, written in {@code in}: "Swahili", "Kiswahili". */
    public static String languageName(Language language, Language in) {
        return switch (language) {
            case EN -> LANGUAGE_NAME_EN.text(in);
            case SW -> LANGUAGE_NAME_SW.text(in);
        };
    }
}
