package org.nadi.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.Role;

class AccountRulesTest {

    @Test
    void usernamesAreLowerCaseLettersDigitsDotsHyphensAndUnderscores() throws ProblemException {
        for (String valid : new String[] {"admin", "j.smith", "delegate-07", "a", "x_y", "0", "a".repeat(64)}) {
            assertEquals(valid, AccountRules.username(valid));
        }
        for (String invalid : new String[] {"", "Admin", ".hidden", "-x", "_x", "a b", "j@smith", "a".repeat(65), "ñame"}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> AccountRules.username(invalid), invalid);
            assertEquals(400, refused.status());
        }
        assertThrows(ProblemException.class, () -> AccountRules.username(null));
    }

    @Test
    void aRefusedUsernameIsToldWhatIsAllowed() {
        ProblemException refused = assertThrows(ProblemException.class, () -> AccountRules.username("J.Smith"));
        assertTrue(refused.detail().contains("lower-case") && refused.detail().contains("64"), refused.detail());
    }

    @Test
    void passwordsHaveEightToOneHundredTwentyEightCharacters() throws ProblemException {
        assertEquals("12345678", AccountRules.password("12345678"));
        assertEquals("x".repeat(128), AccountRules.password("x".repeat(128)));
        // Characters, not UTF-16 units: eight emoji are eight characters.
        assertEquals("😀".repeat(8), AccountRules.password("😀".repeat(8)));
        assertThrows(ProblemException.class, () -> AccountRules.password("😀".repeat(7)));
        ProblemException tooShort = assertThrows(ProblemException.class, () -> AccountRules.password("1234567"));
        assertTrue(tooShort.detail().contains("7 characters") && tooShort.detail().contains("8 to 128"), tooShort.detail());
        assertThrows(ProblemException.class, () -> AccountRules.password("x".repeat(129)));
        assertThrows(ProblemException.class, () -> AccountRules.password(null));
    }

    @Test
    void rolesAreNamedByTheirIdsAndAnUnknownOneListsTheFour() throws ProblemException {
        for (Role role : Role.values()) {
            assertEquals(role, AccountRules.role(role.id()));
        }
        ProblemException unknown = assertThrows(ProblemException.class, () -> AccountRules.role("superuser"));
        assertEquals(400, unknown.status());
        assertTrue(unknown.detail().contains("observer, delegate, secretariat, administrator"), unknown.detail());
        assertThrows(ProblemException.class, () -> AccountRules.role("ADMINISTRATOR"));
        assertThrows(ProblemException.class, () -> AccountRules.role(null));
    }

    @Test
    void anInstitutionIsOptionalAndNullOrEmptyMeansNone() throws ProblemException {
        assertEquals(Optional.empty(), AccountRules.institution(null));
        assertEquals(Optional.empty(), AccountRules.institution(""));
        assertEquals(Optional.of("rsis-sg"), AccountRules.institution("rsis-sg"));
        assertThrows(ProblemException.class, () -> AccountRules.institution(" rsis"));
        assertThrows(ProblemException.class, () -> AccountRules.institution("a\nb"));
        assertThrows(ProblemException.class, () -> AccountRules.institution("x".repeat(101)));
    }

    @Test
    void aTokenNeedsAName() throws ProblemException {
        assertEquals("nightly report", AccountRules.tokenName("nightly report"));
        assertThrows(ProblemException.class, () -> AccountRules.tokenName(null));
        assertThrows(ProblemException.class, () -> AccountRules.tokenName("  "));
        assertThrows(ProblemException.class, () -> AccountRules.tokenName("x".repeat(101)));
    }
}
