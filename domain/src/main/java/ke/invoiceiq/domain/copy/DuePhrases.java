package ke.invoiceiq.domain.copy;

/**
 * Due dates, automatic reminders, STOP/ACHA and the merchant's daily summary. {@code {date}} is a day written by
 * {@link ke.invoiceiq.domain.due.DueDates#format} in the reader's language.
 */
public enum DuePhrases implements Phrase {
    /** Under every invoice message that has a due date, and on the pay page. */
    DUE_LINE("Due: {date}", "Mwisho wa kulipa: {date}"),
    /** In {@code status} once the due date has passed and the invoice is still open. */
    OVERDUE_LINE("Overdue: it was due {date}", "Imechelewa: ilipaswa kulipwa {date}"),
    /** The short mark after an invoice in {@code list}. */
    OVERDUE_MARK("overdue", "imechelewa"),
    /** The guided flow's optional step. */
    ASK_DUE_DATE("When is it due? For example: 15 Dec, friday, in 7 days. Or tap Skip.",
            "Ilipwe lini? Kwa mfano: 15 Des, ijumaa, baada ya siku 7. Au bonyeza Ruka."),
    DUE_DATE_INVALID("Invalid due date. Use a day and month (due 15 Dec, due 15/12), a weekday (due friday),"
            + " due tomorrow, or in 7 days.",
            "Tarehe ya kulipa si sahihi. Tumia siku na mwezi (due 15 Des, due 15/12), siku ya wiki (due ijumaa),"
            + " due kesho, au baada ya siku 7."),
    DUE_DATE_PAST("The due date {date} has already passed. Give today or a later day.",
            "Tarehe {date} imeshapita. Weka leo au siku inayokuja."),
    DUE_DATE_TOO_FAR("The due date {date} is more than a year away. Give a day within the next {days} days.",
            "Tarehe {date} ni zaidi ya mwaka mmoja ujao. Weka siku ndani ya siku {days} zijazo."),
    /** The customer replied STOP or ACHA. */
    OPTED_OUT("You will get no more automatic reminders from {business}. Reply START to get them again.",
            "Hutapokea tena vikumbusho vya moja kwa moja kutoka {business}. Jibu ANZA kuvipata tena."),
    /** The customer replied START or ANZA. */
    OPTED_IN("Automatic reminders from {business} are on again. Reply STOP to end them.",
            "Vikumbusho vya moja kwa moja kutoka {business} vimewashwa tena. Jibu ACHA kuvisimamisha."),
    /** To the merchant, once, when a customer opts out. */
    MERCHANT_TOLD_OPTED_OUT("{customer} asked for no more reminders. Automatic reminders to them have stopped.",
            "{customer} ameomba asitumiwe vikumbusho tena. Vikumbusho vya moja kwa moja kwake vimesimamishwa."),
    /** To the merchant after a manual {@code remind} to a customer who opted out: it was still sent. */
    REMIND_DESPITE_OPT_OUT("Note: {customer} asked for no more automatic reminders. This one was sent because you"
            + " asked for it.",
            "Kumbuka: {customer} aliomba asitumiwe vikumbusho vya moja kwa moja. Hiki kimetumwa kwa sababu umekiomba."),
    /** The merchant's daily summary. */
    DAILY_SUMMARY("Today at {business}: {issued} invoices issued, {paid} paid, KES {collected} collected."
            + "\nOverdue: {overdue} invoices, KES {overdueAmount} outstanding.",
            "Leo {business}: ankara {issued} zimetumwa, {paid} zimelipwa, KES {collected} zimepokelewa."
            + "\nZilizochelewa: ankara {overdue}, KES {overdueAmount} bado hazijalipwa."),
    ;

    private final String en;
    private final String sw;

    DuePhrases(String en, String sw) {
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
