package org.sockd.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sockd.api.admin.Node;
import org.sockd.api.admin.Readiness;

/** The launcher waits on what the core says is missing (the core computes it, for /health/ready too). */
class RequiredServicesTest {

    @Test
    void aReadyCoreLacksNothing() {
        assertThat(RequiredServices.missing(core(new Readiness.Ready()))).isEmpty();
    }

    @Test
    void whatTheCoreLacksIsNamedInItsOwnWords() {
        assertThat(RequiredServices.missing(core(new Readiness.NotReady(
                "sockd.core route.required is set but no route selector is registered"))))
                .containsExactly("sockd.core route.required is set but no route selector is registered");
    }

    @Test
    void noCoreIsMissingToo() {
        assertThat(RequiredServices.missing((Node) null)).containsExactly("the core");
    }

    private static Node core(Readiness readiness) {
        return new Node() {
            @Override
            public void drain() {
                throw new AssertionError("the launcher only asks");
            }

            @Override
            public void undrain() {
                throw new AssertionError("the launcher only asks");
            }

            @Override
            public boolean draining() {
                return false;
            }

            @Override
            public Readiness readiness() {
                return readiness;
            }
        };
    }
}
