-- The trace context (W3C traceparent) of the request that queued a message: sent with it, however
-- late, so that a trace follows an intervention from service to service. Null without tracing.
alter table delivery_message add column traceparent text;
