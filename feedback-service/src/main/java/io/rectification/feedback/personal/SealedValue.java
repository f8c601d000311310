package io.rectification.feedback.personal;

import java.nio.charset.StandardCharsets;

/**
 * The stored form of a sealed value. Since key rotation (format 1):
 *
 * <pre>
 *   0xA5 | 0x01 | n | key id (n ASCII bytes, 1..16) | nonce (12) | ciphertext and GCM tag (16)
 * </pre>
 *
 * with the header (the first 3 + n bytes) bound into the seal as associated data together with the
 * column, so neither the key id nor the format can be changed without the value failing to open.
 * Before it (legacy): nonce | ciphertext and tag, the column alone as associated data, under the key
 * the service had then.
 *
 * <p>Why a legacy value is never taken for a headed one: a legacy value begins with its random nonce,
 * so it parses as a header only by chance (the magic and format bytes, a length of 1 to 16, that many
 * id characters, and an id the keyring holds: about 2<sup>-32</sup> for a one-character id), and
 * even then GCM refuses it under that reading (its tag was made with other associated data, a forgery
 * chance of 2<sup>-128</sup>), after which {@link PersonalDataCipher#open} reads it as legacy. A headed
 * value read as legacy fails the same way. So exactly one reading of any stored value authenticates,
 * and trying the headed reading first costs nothing for the values sealed since.
 */
final class SealedValue {

    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final byte MAGIC = (byte) 0xA5;
    private static final byte FORMAT = 0x01;
    private static final int MAX_ID_BYTES = 16;

    /** A value's header as parsed: its key id, and where its nonce starts. */
    record Header(String keyId, int length) {
    }

    private SealedValue() {
    }

    static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] header = new byte[3 + id.length];
        header[0] = MAGIC;
        header[1] = FORMAT;
        header[2] = (byte) id.length;
        System.arraycopy(id, 0, header, 3, id.length);
        return header;
    }

    /** The header of {@code sealed}, or null when it has none that parses (a legacy value, almost always). */
    static Header parse(byte[] sealed) {
        if (sealed.length < 3 || sealed[0] != MAGIC || sealed[1] != FORMAT) {
            return null;
        }
        int n = sealed[2];
        if (n < 1 || n > MAX_ID_BYTES || sealed.length < 3 + n + NONCE_BYTES + TAG_BYTES) {
            return null;
        }
        for (int i = 3; i < 3 + n; i++) {
            byte b = sealed[i];
            boolean idCharacter = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_';
            if (!idCharacter) {
                return null;
            }
        }
        return new Header(new String(sealed, 3, n, StandardCharsets.US_ASCII), 3 + n);
    }
}
