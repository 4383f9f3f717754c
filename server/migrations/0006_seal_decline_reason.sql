-- Decline reasons are sealed under the person's key from now on. A plain one cannot be sealed here
-- (the key is never in the database), so existing plain reasons are cleared.
ALTER TABLE "referrals" ALTER COLUMN "decline_reason" SET DATA TYPE bytea USING NULL;
