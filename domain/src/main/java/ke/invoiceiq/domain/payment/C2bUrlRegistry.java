package ke.invoiceiq.domain.payment;

/**
 * Driven port: tells M-PESA where to send the C2B validation and confirmation requests of a short code (Daraja's
 * "C2B register URL"). An answer, never an exception: the operator who asked reads it.
 */
public interface C2bUrlRegistry {

    C2bRegistration.Outcome register(C2bRegistration registration);
}
