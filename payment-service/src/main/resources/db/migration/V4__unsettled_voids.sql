-- Voids still to be done at the provider: a payment voided while its authorization had not answered (a timeout, a
-- call in flight). The settling job looks for them every few seconds; the index holds only those rows.
CREATE INDEX payment_transaction_unsettled_void ON payment_transaction (created_at)
    WHERE type = 'VOID' AND outcome = 'PENDING';
