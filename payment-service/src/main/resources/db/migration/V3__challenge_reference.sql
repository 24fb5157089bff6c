-- The unguessable reference of a strong-authentication challenge: whoever holds it (the shopper's app, signed in or
-- a guest) completes the challenge, as with a 3-D Secure challenge URL. Cleared once the challenge is answered.
ALTER TABLE payment ADD COLUMN challenge_reference VARCHAR(64) UNIQUE;
