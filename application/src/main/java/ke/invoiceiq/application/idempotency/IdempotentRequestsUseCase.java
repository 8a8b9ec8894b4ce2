package ke.invoiceiq.application.idempotency;

import ke.invoiceiq.domain.shared.IdempotentAnswers.Answer;
import ke.invoiceiq.domain.shared.IdempotentAnswers.Claim;

/**
 * Driving port: requests that carry an {@code Idempotency-Key} (REST). A key is bound at its first use whatever the
 * answer: {@link #begin} claims it (or says it was answered, is being answered, or was used for another request);
 * {@link #finish} keeps the answer so that a repeat gets it again.
 *
 * @see ke.invoiceiq.domain.shared.IdempotentAnswers
 */
public interface IdempotentRequestsUseCase {

    /**
     * @param scope       the endpoint, so two endpoints' keys never meet
     * @param key         the client's key
     * @param fingerprint what identifies the request (a digest of its body): the same key with another
     *                    fingerprint is a different request
     */
    Claim begin(String scope, String key, String fingerprint);

    void finish(String scope, String key, Answer answer);
}
