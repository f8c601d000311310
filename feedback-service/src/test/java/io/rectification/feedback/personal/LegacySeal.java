package io.rectification.feedback.personal;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** A value sealed as feedback-service sealed them before keys had ids: nonce, ciphertext and tag, the column as AAD. */
public final class LegacySeal {

    private LegacySeal() {
    }

    public static byte[] seal(String base64Key, String column, String value) {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        return seal(base64Key, column, value, nonce);
    }

    /** With the nonce given: a test can make one that looks like a header. */
    static byte[] seal(String base64Key, String column, String value, byte[] nonce) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                    new GCMParameterSpec(128, nonce));
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
