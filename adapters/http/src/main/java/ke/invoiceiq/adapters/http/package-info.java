/**
 * HTTP driving adapters: the merchant REST API ({@code api}: bearer {@code ADMIN_API_KEY}, problem+json errors with a
 * stable {@code type}, OpenAPI described) and the customer's public pay page ({@code pay}: server-rendered with Qute,
 * reached by the unguessable pay token). They translate requests into use-case commands and outcomes into HTTP;
 * every business rule stays in the core.
 */
package ke.invoiceiq.adapters.http;
