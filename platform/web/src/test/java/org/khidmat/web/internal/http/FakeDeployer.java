package org.khidmat.web.internal.http;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.khidmat.api.platform.Deployer;

/** A deployer that only says whether it is ready and that no bundle is deployed. */
public final class FakeDeployer {
    private FakeDeployer() {
    }

    public static Deployer ready(BooleanSupplier ready) {
        return (Deployer) Proxy.newProxyInstance(FakeDeployer.class.getClassLoader(), new Class<?>[] {Deployer.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "ready" -> ready.getAsBoolean();
                    case "bundles", "pending" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
