package org.nadi.platform.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nadi.platform.kernel.api.ModuleException;
import org.nadi.platform.kernel.api.ModuleException.Problem;
import org.nadi.platform.web.api.ProblemException;

class ModuleResourceTest {

    private static final Map<Problem, Integer> EXPECTED_STATUS = Map.ofEntries(
            Map.entry(Problem.NOT_FOUND, 404),
            Map.entry(Problem.CORE_MODULE, 409),
            Map.entry(Problem.HAS_DEPENDENTS, 409),
            Map.entry(Problem.ALREADY_INSTALLED, 409),
            Map.entry(Problem.BUSY, 409),
            Map.entry(Problem.INVALID_JAR, 400),
            Map.entry(Problem.UNRESOLVABLE, 422),
            Map.entry(Problem.ACTIVATION_FAILED, 422),
            Map.entry(Problem.ACTIVATION_TIMEOUT, 422),
            Map.entry(Problem.DATA_CHOICE_REQUIRED, 400),
            // The uninstall happened; only the clean-up failed, which is the server's problem.
            Map.entry(Problem.DATA_NOT_DROPPED, 500));

    @Test
    void everyRefusalHasItsStatusAndTheKernelsMessage() {
        for (Problem kind : Problem.values()) {
            ProblemException answer = ModuleResource.problemFor(new ModuleException(kind, "because " + kind));
            assertEquals(EXPECTED_STATUS.get(kind), answer.status(), kind.name());
            assertEquals("because " + kind, answer.detail());
            assertTrue(answer.type().startsWith("module-"), answer.type());
        }
    }

    @Test
    void refusalBecauseOfDependentsListsThem() {
        ProblemException answer = ModuleResource.problemFor(
                new ModuleException(Problem.HAS_DEPENDENTS, "needed", List.of("meetings", "reporting"), null));
        assertEquals(List.of("meetings", "reporting"), answer.extensions().get("dependents"));
    }
}
