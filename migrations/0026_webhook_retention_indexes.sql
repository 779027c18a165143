-- Indexes for what cascades from an event (its messages) and from a message (its attempts): the
-- webhook retention job and endpoint deletion delete through them.
CREATE INDEX "webhook_attempts_message_idx" ON "webhook_attempts" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "webhook_messages_event_idx" ON "webhook_messages" USING btree ("event_id");