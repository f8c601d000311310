package io.rectification.feedback.personal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class StoredDataKeyCheckTest {

    private static final PersonalDataCipher KEY_A = new PersonalDataCipher(Optional.of("ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE="));
    private static final PersonalDataCipher KEY_B = new PersonalDataCipher(Optional.of("YW5vdGhlci1rZXktb2YtMzItYnl0ZXMtZm9yLXRlc3Q="));

    @Test
    void dataSealedWithTheKeyPasses() {
        assertNull(StoredDataKeyCheck.problem(KEY_A, new Object[]{null, KEY_A.seal("phone", "13812345678"), null,
                KEY_A.seal("address", "沈阳市浑南区")}));
    }

    @Test
    void dataSealedWithAnotherKeyIsNamedWithoutItsValue() {
        String problem = StoredDataKeyCheck.problem(KEY_A, new Object[]{null, KEY_B.seal("phone", "13812345678"), null, null});
        assertTrue(problem != null && problem.contains("feedback.personal-data.key") && problem.contains("the phone"), problem);
        assertTrue(!problem.contains("13812345678"), "never the value");
    }

    @Test
    void aValueSealedForAnotherColumnDoesNotPassEither() {
        // the column is bound into the seal: a phone moved into the name column does not open
        assertTrue(StoredDataKeyCheck.problem(KEY_A, new Object[]{KEY_A.seal("phone", "13812345678"), null, null, null}) != null);
    }
}
