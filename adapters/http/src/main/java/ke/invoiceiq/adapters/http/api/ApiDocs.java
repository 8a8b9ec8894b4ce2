package ke.invoiceiq.adapters.http.api;

/** Names and examples shared by the OpenAPI annotations of the merchant API. */
final class ApiDocs {

    static final String BEARER = "bearer";
    static final String JSON = "application/json";
    static final String PROBLEM = Problems.MEDIA_TYPE;

    static final String INVOICE = """
            {"id":"INV-7K3Q9X","status":"PENDING","msisdn":"254712345678","customer_name":null,\
            "amount_cents":250000,"amount":2500,"amount_display":"KES 2,500","amount_paid_cents":0,\
            "amount_paid_display":"KES 0","balance_cents":250000,"balance_display":"KES 2,500","currency":"KES",\
            "description":"Cleaning","pay_url":"https://pay.example.co.ke/pay/Yc3kq0l2Vt8pQm1sXe4RZw",\
            "created_at":"2026-03-02T06:00:00Z","sent_at":null,"paid_at":null,"cancelled_at":null,\
            "delivery_channel":null,"mpesa_receipt":null,"mpesa_receipts":[],"reminder_count":0,\
            "last_reminded_at":null}""";

    static final String PAID_INVOICE = """
            {"id":"INV-7K3Q9X","status":"PAID","msisdn":"254712345678","customer_name":"Mama Njeri",\
            "amount_cents":250000,"amount":2500,"amount_display":"KES 2,500","amount_paid_cents":250000,\
            "amount_paid_display":"KES 2,500","balance_cents":0,"balance_display":"KES 0","currency":"KES",\
            "description":"Cleaning","pay_url":"https://pay.example.co.ke/pay/Yc3kq0l2Vt8pQm1sXe4RZw",\
            "created_at":"2026-03-02T06:00:00Z","sent_at":"2026-03-02T06:00:02Z","paid_at":"2026-03-02T06:12:40Z",\
            "cancelled_at":null,"delivery_channel":"WHATSAPP","mpesa_receipt":"NLJ7RT61SV",\
            "mpesa_receipts":["NLJ7RT61SV"],"reminder_count":1,"last_reminded_at":"2026-03-02T06:10:00Z"}""";

    static final String INVOICE_PAGE = "{\"items\":[" + PAID_INVOICE + "],"
            + "\"next_cursor\":\"djE6MTc3MjQzMTIwMC4wMDAwMDAwMDA6SU5WLTdLM1E5WA\"}";

    static final String CREATE_CENTS = """
            {"msisdn":"254712345678","amount_cents":250000,"description":"Cleaning"}""";
    static final String CREATE_AMOUNT = """
            {"msisdn":"0712 345 678","customer_name":"Mama Njeri","amount":"2,500","description":"Cleaning (Wed 3pm)"}""";

    static final String PAYMENT = """
            {"id":"pay_01HZX3","invoice_id":"INV-7K3Q9X","status":"INITIATED","amount_cents":250000,"amount":2500,\
            "received_cents":null,"checkout_request_id":"ws_CO_020320260600123456",\
            "merchant_request_id":"29115-34620561-1","mpesa_receipt":null,"result_code":null,\
            "result_description":null,"failure_reason":null,"transaction_time":null,\
            "created_at":"2026-03-02T06:05:00Z","updated_at":"2026-03-02T06:05:01Z"}""";

    /** A push that went out without a clear answer from M-PESA: in flight, not named yet. */
    static final String PAYMENT_AWAITING = """
            {"id":"pay_01HZX3","invoice_id":"INV-7K3Q9X","status":"INITIATED","amount_cents":250000,"amount":2500,\
            "received_cents":null,"checkout_request_id":null,"merchant_request_id":null,"mpesa_receipt":null,\
            "result_code":null,"result_description":null,"failure_reason":null,"transaction_time":null,\
            "created_at":"2026-03-02T06:05:00Z","updated_at":"2026-03-02T06:05:00Z"}""";

    static final String PAYMENTS = "{\"invoice_id\":\"INV-7K3Q9X\",\"items\":[" + PAYMENT + "]}";

    static final String STK_REQUEST = "{\"invoice_id\":\"INV-7K3Q9X\"}";
    static final String APPLY_REQUEST = STK_REQUEST;

    static final String UNMATCHED = """
            {"id":"3c1e8a2f-0b7d-4e59-a6c4-9d2f1e0b7a35","checkout_request_id":"ws_CO_020320260611223344",\
            "merchant_request_id":"29115-34620561-9","mpesa_receipt":"NLK2XY81QZ","amount_cents":100000,\
            "amount_display":"KES 1,000","payer":"2547****5678","transaction_time":"2026-03-02T06:11:20Z",\
            "received_at":"2026-03-02T06:11:22Z","status":"OPEN","applied_invoice_id":null,"resolved_at":null}""";
    static final String UNMATCHED_LIST = "{\"items\":[" + UNMATCHED + "]}";
    static final String APPLIED = """
            {"unmatched_payment":{"id":"3c1e8a2f-0b7d-4e59-a6c4-9d2f1e0b7a35",\
            "checkout_request_id":"ws_CO_020320260611223344","merchant_request_id":"29115-34620561-9",\
            "mpesa_receipt":"NLK2XY81QZ","amount_cents":100000,"amount_display":"KES 1,000","payer":"2547****5678",\
            "transaction_time":"2026-03-02T06:11:20Z","received_at":"2026-03-02T06:11:22Z","status":"APPLIED",\
            "applied_invoice_id":"INV-7K3Q9X","resolved_at":"2026-03-02T07:00:00Z"},\
            "invoice":{"id":"INV-7K3Q9X","status":"SENT","msisdn":"254712345678","customer_name":null,\
            "amount_cents":250000,"amount":2500,"amount_display":"KES 2,500","amount_paid_cents":100000,\
            "amount_paid_display":"KES 1,000","balance_cents":150000,"balance_display":"KES 1,500","currency":"KES",\
            "description":"Cleaning","pay_url":"https://pay.example.co.ke/pay/Yc3kq0l2Vt8pQm1sXe4RZw",\
            "created_at":"2026-03-02T06:00:00Z","sent_at":"2026-03-02T06:00:02Z","paid_at":null,"cancelled_at":null,\
            "delivery_channel":"WHATSAPP","mpesa_receipt":"NLK2XY81QZ","mpesa_receipts":["NLK2XY81QZ"],\
            "reminder_count":0,"last_reminded_at":null}}""";

    static final String STATS = """
            {"total":42,"by_status":{"PENDING":2,"SENT":8,"PAID":30,"CANCELLED":1,"FAILED":1},"sent":40,"paid":30,\
            "conversion":0.75,"mean_time_to_pay_seconds":754.5,"median_time_to_pay_seconds":320.0,"overdue":3,\
            "overdue_outstanding_cents":750000,"overdue_outstanding_display":"KES 7,500"}""";

    static final String REMINDED = """
            {"result":"reminded","invoice":{"id":"INV-7K3Q9X","status":"SENT","msisdn":"254712345678",\
            "customer_name":null,"amount_cents":250000,"amount":2500,"amount_display":"KES 2,500",\
            "amount_paid_cents":0,"amount_paid_display":"KES 0","balance_cents":250000,"balance_display":"KES 2,500",\
            "currency":"KES","description":"Cleaning","pay_url":"https://pay.example.co.ke/pay/Yc3kq0l2Vt8pQm1sXe4RZw",\
            "created_at":"2026-03-02T06:00:00Z","sent_at":"2026-03-02T06:00:02Z","paid_at":null,"cancelled_at":null,\
            "delivery_channel":"WHATSAPP","mpesa_receipt":null,"mpesa_receipts":[],"reminder_count":1,\
            "last_reminded_at":"2026-03-02T08:00:00Z"}}""";
    static final String CANCELLED = """
            {"result":"cancelled","customer_notified":true,"invoice":{"id":"INV-7K3Q9X","status":"CANCELLED",\
            "msisdn":"254712345678","customer_name":null,"amount_cents":250000,"amount":2500,\
            "amount_display":"KES 2,500","amount_paid_cents":0,"amount_paid_display":"KES 0","balance_cents":250000,\
            "balance_display":"KES 2,500","currency":"KES","description":"Cleaning",\
            "pay_url":"https://pay.example.co.ke/pay/Yc3kq0l2Vt8pQm1sXe4RZw","created_at":"2026-03-02T06:00:00Z",\
            "sent_at":"2026-03-02T06:00:02Z","paid_at":null,"cancelled_at":"2026-03-02T09:30:00Z",\
            "delivery_channel":"WHATSAPP","mpesa_receipt":null,"mpesa_receipts":[],"reminder_count":0,\
            "last_reminded_at":null}}""";

    static final String VALIDATION = """
            {"type":"https://invoiceiq.ke/problems/validation-error","title":"The request is not valid","status":400,\
            "detail":"msisdn: Invalid phone. Please use format 07XXXXXXXX, 01XXXXXXXX, 2547XXXXXXXX, 2541XXXXXXXX or \
            +254XXXXXXXXX. amount_cents: Invalid amount. M-PESA \
            takes whole shillings only (e.g., 2500). amount_cents must be a multiple of 100 (e.g. 250000 for KES 2,500).",\
            "errors":[{"field":"msisdn","rule":"format","message":"Invalid phone. Please use format 07XXXXXXXX, \
            01XXXXXXXX, 2547XXXXXXXX, 2541XXXXXXXX or +254XXXXXXXXX."},\
            {"field":"amount_cents","rule":"whole_shillings","message":"Invalid amount. M-PESA takes whole shillings \
            only (e.g., 2500). amount_cents must be a multiple of 100 (e.g. 250000 for KES 2,500)."}]}""";
    static final String UNKNOWN_FIELD = """
            {"type":"https://invoiceiq.ke/problems/validation-error","title":"The request is not valid","status":400,\
            "detail":"currency: Unknown field. Allowed: msisdn, customer_name, amount_cents, amount, description.",\
            "errors":[{"field":"currency","rule":"unknown_field","message":"Unknown field. Allowed: msisdn, \
            customer_name, amount_cents, amount, description."}]}""";
    static final String MALFORMED = """
            {"type":"https://invoiceiq.ke/problems/malformed-json","title":"The body is not valid JSON","status":400,\
            "detail":"amount_cents: Malformed JSON at line 1, column 42: Unexpected character ('x' (code 120)): was \
            expecting comma to separate Object entries","errors":[{"field":"amount_cents","rule":"json_syntax",\
            "message":"Malformed JSON at line 1, column 42: Unexpected character ('x' (code 120)): was expecting comma \
            to separate Object entries"}]}""";
    static final String BAD_LIST_PARAMS = """
            {"type":"https://invoiceiq.ke/problems/validation-error","title":"The request is not valid","status":400,\
            "detail":"limit: limit must be at most 100.","errors":[{"field":"limit","rule":"max",\
            "message":"limit must be at most 100."}]}""";
    static final String UNAUTHORIZED = """
            {"type":"https://invoiceiq.ke/problems/unauthorized","title":"A valid API key is required","status":401,\
            "detail":"Send the API key as 'Authorization: Bearer <ADMIN_API_KEY>'."}""";
    static final String NOT_FOUND = """
            {"type":"https://invoiceiq.ke/problems/invoice-not-found","title":"No such invoice","status":404,\
            "detail":"There is no invoice INV-7K3Q9X."}""";
    static final String UNSUPPORTED = """
            {"type":"https://invoiceiq.ke/problems/unsupported-media-type","title":"The body must be JSON",\
            "status":415,"detail":"Send the body as JSON with 'Content-Type: application/json'."}""";
    static final String ALREADY_PAID = """
            {"type":"https://invoiceiq.ke/problems/invoice-already-paid","title":"The invoice is paid","status":409,\
            "detail":"Invoice INV-7K3Q9X is paid (receipt NLJ7RT61SV)."}""";
    static final String IN_FLIGHT = """
            {"type":"https://invoiceiq.ke/problems/payment-in-flight","title":"An M-PESA prompt for this invoice is \
            open","status":409,"detail":"An M-PESA prompt for invoice INV-7K3Q9X is open on the customer's phone \
            (payment pay_01HZX3); the money may still come."}""";
    static final String NOT_SENT = """
            {"type":"https://invoiceiq.ke/problems/invoice-not-sent-yet","title":"The invoice has not reached the \
            customer yet","status":409,"detail":"Invoice INV-7K3Q9X has not reached the customer yet: there is \
            nothing to remind them of."}""";
    static final String CANCELLED_PROBLEM = """
            {"type":"https://invoiceiq.ke/problems/invoice-cancelled","title":"The invoice is cancelled","status":409,\
            "detail":"Invoice INV-7K3Q9X is cancelled."}""";
    static final String REMINDER_LIMIT = """
            {"type":"https://invoiceiq.ke/problems/reminder-limit-reached","title":"No more reminders for this \
            invoice","status":409,"detail":"Invoice INV-7K3Q9X was reminded 5 times already."}""";
    static final String REMINDED_RECENTLY = """
            {"type":"https://invoiceiq.ke/problems/reminded-recently","title":"The customer was reminded a short \
            while ago","status":429,"detail":"The customer was reminded about INV-7K3Q9X recently; try again after \
            2026-03-02T07:10:00Z.","retry_at":"2026-03-02T07:10:00Z"}""";
    static final String COOLING_DOWN = """
            {"type":"https://invoiceiq.ke/problems/payment-cooling-down","title":"The last M-PESA attempt failed \
            moments ago","status":429,"detail":"The last M-PESA prompt for INV-7K3Q9X ended moments ago; a new one \
            can be sent after 2026-03-02T06:07:00Z.","retry_at":"2026-03-02T06:07:00Z"}""";
    static final String PAYER_BUSY = """
            {"type":"https://invoiceiq.ke/problems/payer-busy","title":"Another M-PESA prompt is open on the \
            customer's phone","status":409,"detail":"M-PESA says another prompt is open on the customer's phone; \
            ask them to finish or close it, then try again."}""";
    static final String KEY_REUSED = """
            {"type":"https://invoiceiq.ke/problems/idempotency-key-reused","title":"The Idempotency-Key was used for \
            another request","status":422,"detail":"This Idempotency-Key was used for a payment of another invoice; \
            use a new key for a new request."}""";
    static final String KEY_REUSED_BODY = """
            {"type":"https://invoiceiq.ke/problems/idempotency-key-reused","title":"The Idempotency-Key was used for \
            another request","status":422,"detail":"This Idempotency-Key was used for a different request; use a new \
            key."}""";
    static final String IN_PROGRESS = """
            {"type":"https://invoiceiq.ke/problems/request-in-progress","title":"A request with this Idempotency-Key \
            is in progress","status":409,"detail":"A request with this Idempotency-Key is still being handled; send \
            it again in a moment to get its answer."}""";
    static final String UNMATCHED_NOT_FOUND = """
            {"type":"https://invoiceiq.ke/problems/unmatched-payment-not-found","title":"No such unmatched payment",\
            "status":404,"detail":"There is no unmatched payment 3c1e8a2f-0b7d-4e59-a6c4-9d2f1e0b7a35."}""";
    static final String UNMATCHED_APPLIED = """
            {"type":"https://invoiceiq.ke/problems/unmatched-payment-applied","title":"The unmatched payment was \
            applied already","status":409,"detail":"Unmatched payment 3c1e8a2f-0b7d-4e59-a6c4-9d2f1e0b7a35 was \
            applied already to invoice INV-7K3Q9X; nothing changed."}""";
    static final String ALREADY_RECORDED = """
            {"type":"https://invoiceiq.ke/problems/payment-already-recorded","title":"The payment is recorded on an \
            invoice already","status":409,"detail":"Its M-PESA receipt NLK2XY81QZ is recorded on invoice INV-4M8P2D \
            already: the money is counted there. Unmatched payment 3c1e8a2f-0b7d-4e59-a6c4-9d2f1e0b7a35 is now \
            marked applied to INV-4M8P2D; nothing was added to INV-7K3Q9X."}""";
    static final String AMOUNT_UNKNOWN = """
            {"type":"https://invoiceiq.ke/problems/payment-amount-unknown","title":"M-PESA did not report the amount \
            of the payment","status":422,"detail":"M-PESA did not report how much unmatched payment \
            3c1e8a2f-0b7d-4e59-a6c4-9d2f1e0b7a35 was, so it cannot be counted towards an invoice; check the M-PESA \
            statement."}""";
    static final String BAD_APPLY = """
            {"type":"https://invoiceiq.ke/problems/validation-error","title":"The request is not valid","status":400,\
            "detail":"invoice_id: Required: a string, e.g. \\"INV-7K3Q9X\\".","errors":[{"field":"invoice_id",\
            "rule":"required","message":"Required: a string, e.g. \\"INV-7K3Q9X\\"."}]}""";
    static final String MISSING_KEY = """
            {"type":"https://invoiceiq.ke/problems/validation-error","title":"The request is not valid","status":400,\
            "detail":"Idempotency-Key: Required: a unique value per payment request (e.g. a UUID); repeat it to \
            retry safely.","errors":[{"field":"Idempotency-Key","rule":"required","message":"Required: a unique \
            value per payment request (e.g. a UUID); repeat it to retry safely."}]}""";
    static final String GATEWAY_UNAVAILABLE = """
            {"type":"https://invoiceiq.ke/problems/payment-gateway-unavailable","title":"M-PESA is not taking \
            requests right now","status":503,"detail":"M-PESA did not take the request now; try again later.",\
            "retry_at":"2026-03-02T06:07:00Z"}""";
    static final String GATEWAY_REJECTED = """
            {"type":"https://invoiceiq.ke/problems/payment-gateway-rejected","title":"M-PESA refused the payment \
            request","status":502,"detail":"M-PESA refused the request; an operator must check the M-PESA settings."}""";

    private ApiDocs() {
    }

    static final String AUDIT_PAGE = """
            {"items":[{"id":"5f0c2a9e-7b1d-4c3e-9a8f-1e2d3c4b5a69","at":"2026-03-02T06:20:00.123456Z",\
            "key_fingerprint":"9f86d081884c","action":"CANCEL_INVOICE","target":"INV-7K3Q9X",\
            "outcome":"409 invoice-already-paid"}],\
            "next_cursor":"YTE6MTc3MjQzMjQwMC4xMjM0NTYwMDA6NWYwYzJhOWUtN2IxZC00YzNlLTlhOGYtMWUyZDNjNGI1YTY5"}""";

    static final String MARK_PAID_REQUEST = """
            {"method":"CASH","note":"Cash at the shop, counted by Wanjiru"}""";

    static final String MARKED_PAID = """
            {"result":"marked_paid","customer_notified":true,"invoice":{"id":"INV-7K3Q9X","status":"PAID",\
            "msisdn":"254712345678","customer_name":"Mama Njeri","amount_cents":250000,"amount":2500,\
            "amount_display":"KES 2,500","amount_paid_cents":100000,"amount_paid_display":"KES 1,000",\
            "balance_cents":0,"balance_display":"KES 0","currency":"KES","description":"Cleaning",\
            "pay_url":"https://pay.example.co.ke/pay/Yc3kq0l2Vt8pQm1sXe4RZw","created_at":"2026-03-02T06:00:00Z",\
            "sent_at":"2026-03-02T06:00:02Z","paid_at":"2026-03-02T09:30:00Z","cancelled_at":null,\
            "delivery_channel":"WHATSAPP","mpesa_receipt":"NLJ7RT61SV","mpesa_receipts":["NLJ7RT61SV"],\
            "reminder_count":0,"last_reminded_at":null,"paid_outside":[{"method":"CASH","amount_cents":150000,\
            "amount_display":"KES 1,500","note":"Cash at the shop, counted by Wanjiru",\
            "at":"2026-03-02T09:30:00Z"}]}}""";

    static final String OUTBOX_RETRIED = """
            {"result":"retried","message":{"id":"9b2e4f10-6c3d-4a7e-8f15-2d0c9e8b7a61","status":"PENDING",\
            "purpose":"INVOICE","channel":"WHATSAPP","invoice_id":"INV-7K3Q9X","attempts":0,\
            "next_attempt_at":"2026-03-02T09:30:00Z","created_at":"2026-03-02T06:00:00Z"}}""";
    static final String OUTBOX_ABANDONED = """
            {"result":"abandoned","message":{"id":"9b2e4f10-6c3d-4a7e-8f15-2d0c9e8b7a61","status":"ABANDONED",\
            "purpose":"INVOICE","channel":"SMS","invoice_id":"INV-7K3Q9X","attempts":5,\
            "next_attempt_at":"2026-03-02T06:20:00Z","created_at":"2026-03-02T06:00:00Z"}}""";
    static final String OUTBOX_NOT_FOUND = """
            {"type":"https://invoiceiq.ke/problems/outbox-message-not-found","title":"No such outbox message",\
            "status":404,"detail":"There is no outbox message 9b2e4f10-6c3d-4a7e-8f15-2d0c9e8b7a61 (finished \
            messages are purged after their retention)."}""";
    static final String OUTBOX_NOT_FAILED = """
            {"type":"https://invoiceiq.ke/problems/outbox-message-not-failed",\
            "title":"Only a FAILED outbox message can be retried or abandoned","status":409,\
            "detail":"Outbox message 9b2e4f10-6c3d-4a7e-8f15-2d0c9e8b7a61 is SENT, not FAILED; nothing changed."}""";

    static final String REQUERIED = "{\"result\":\"pending\",\"payment\":" + PAYMENT + "}";
    static final String PAYMENT_NOT_FOUND = """
            {"type":"https://invoiceiq.ke/problems/payment-not-found","title":"No such payment attempt","status":404,\
            "detail":"There is no payment attempt pay_01HZX3."}""";
    static final String NOT_QUERYABLE = """
            {"type":"https://invoiceiq.ke/problems/payment-not-queryable",\
            "title":"M-PESA cannot be asked about this payment attempt","status":409,\
            "detail":"Payment pay_01HZX3 ended already (SUCCESS)."}""";

    static final String EXPORT_CSV = "invoice_id,created_at,status,customer_msisdn,customer_name,description,"
            + "currency,amount,paid_mpesa,paid_outside,paid_outside_method,balance,mpesa_receipts,sent_at,paid_at,"
            + "cancelled_at\r\n"
            + "INV-7K3Q9X,2026-01-20T06:00:00Z,PAID,254712345678,Mama Njeri,\"Cleaning, two rooms\",KES,2500.00,"
            + "1000.00,1500.00,CASH,0.00,NLJ7RT61SV,2026-01-20T06:00:02Z,2026-01-21T09:30:00Z,\r\n"
            + "INV-3M8P2D,2026-01-05T08:15:00Z,SENT,254722000111,,'=Repairs,KES,800.00,0.00,0.00,,800.00,,"
            + "2026-01-05T08:15:03Z,,\r\n";
    static final String EXPORT_PAYMENTS_CSV = "received_at,source,invoice_id,currency,amount,mpesa_receipt,"
            + "payer_msisdn,paid_outside_method\r\n"
            + "2026-01-20T09:30:00Z,MPESA,INV-7K3Q9X,KES,1000.00,NLJ7RT61SV,254712345678,\r\n"
            + "2026-01-21T09:30:00Z,OUTSIDE,INV-7K3Q9X,KES,1500.00,,,CASH\r\n"
            + "2026-01-22T14:02:11Z,MPESA_UNMATCHED,,KES,800.00,NLM2QX81TZ,254722000111,\r\n";
    static final String BAD_RANGE = """
            {"type":"https://invoiceiq.ke/problems/validation-error","title":"The request is not valid","status":400,\
            "detail":"to: An export covers at most 366 days; split the range.","errors":[{"field":"to","rule":"max",\
            "message":"An export covers at most 366 days; split the range."}]}""";
}
