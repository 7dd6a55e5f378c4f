package org.nadi.platform.web.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CallerTest {

    private static Caller caller(Role role, String institution) {
        return new Caller("someone", role, Optional.ofNullable(institution));
    }

    @Test
    void aDelegateEditsOnlyTheirOwnInstitutionsRecords() {
        Caller delegate = caller(Role.DELEGATE, "khmer-institute");

        assertTrue(delegate.mayEditFor("khmer-institute"));
        assertFalse(delegate.mayEditFor("rsis"));
        assertFalse(delegate.mayEditFor(null), "a record of no institution is the secretariat's");
        ProblemException refused = assertThrows(ProblemException.class, () -> delegate.requireEditFor("rsis"));
        assertEquals(403, refused.status());
        assertTrue(refused.detail().contains("'rsis'") && refused.detail().contains("'khmer-institute'"), refused.detail());
    }

    @Test
    void aDelegateWithoutInstitutionEditsNothing() {
        Caller delegate = caller(Role.DELEGATE, null);

        assertFalse(delegate.mayEditFor("rsis"));
        assertTrue(assertThrows(ProblemException.class, () -> delegate.requireEditFor("rsis")).detail().contains("has none"));
    }

    @Test
    void theSecretariatAndAdministratorsEditEveryRecordAndObserversNone() {
        for (Role role : new Role[] {Role.SECRETARIAT, Role.ADMINISTRATOR}) {
            assertTrue(caller(role, null).mayEditFor("rsis"), role::id);
            assertTrue(caller(role, "khmer-institute").mayEditFor(null), role::id);
            assertDoesNotThrow(() -> caller(role, null).requireEditFor("rsis"));
        }
        Caller observer = caller(Role.OBSERVER, "rsis");
        assertFalse(observer.mayEditFor("rsis"));
        assertTrue(assertThrows(ProblemException.class, () -> observer.requireEditFor("rsis")).detail().contains("observer"));
    }

    @Test
    void rolesAreOrderedAndNamedInLowerCase() {
        assertTrue(Role.ADMINISTRATOR.includes(Role.SECRETARIAT));
        assertTrue(Role.DELEGATE.includes(Role.DELEGATE));
        assertFalse(Role.OBSERVER.includes(Role.DELEGATE));
        assertEquals(Optional.of(Role.SECRETARIAT), Role.fromId("secretariat"));
        assertEquals(Optional.empty(), Role.fromId("Administrator"));
    }
}
