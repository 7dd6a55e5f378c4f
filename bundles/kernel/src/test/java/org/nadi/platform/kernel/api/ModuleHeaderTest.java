package org.nadi.platform.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModuleHeaderTest {

    @Test
    void plainIdIsANonCoreModule() {
        ModuleHeader header = ModuleHeader.parse("membership");
        assertEquals("membership", header.id());
        assertFalse(header.core());
    }

    @Test
    void coreAttributeMarksPlatformModules() {
        assertTrue(ModuleHeader.parse("kernel; core=true").core());
        assertTrue(ModuleHeader.parse(" kernel ;core = true ").core());
        assertFalse(ModuleHeader.parse("kernel; core=false").core());
    }

    @Test
    void hyphenatedIdsAreAccepted() {
        assertEquals("cyber-pandemic-programme", ModuleHeader.parse("cyber-pandemic-programme").id());
    }

    @Test
    void idsThatCannotBeUsedInUrlsAreRefusedWithAnExample() {
        for (String bad : new String[] {"", "Membership", "9lives", "two--hyphens", "trailing-", "has space", "a/b",
                "x".repeat(41)}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ModuleHeader.parse(bad), bad);
            assertTrue(refused.getMessage().contains("for example"), refused.getMessage());
        }
    }

    @Test
    void unknownAttributesAreRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ModuleHeader.parse("calendar; colour=blue"));
        assertTrue(refused.getMessage().contains("colour=blue"), refused.getMessage());
    }
}
