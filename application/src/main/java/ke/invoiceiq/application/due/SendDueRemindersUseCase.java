package ke.invoiceiq.application.due;

/**
 * Driving port, for the scheduled job: remind every customer whose invoice has reached a step of the reminder
 * schedule, within the sending hours in Nairobi.
 */
public interface SendDueRemindersUseCase {

    DueRemindersReport send();
}
