package org.anilexplorer.core.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.Test;

/**
 * A wrapper that overrides nothing but {@code delegate()} behaves as the dynamics underneath for every method of
 * {@link Dynamics}, including those added later with a default (found by reflection, so a new method that
 * {@link ForwardingDynamics} does not forward fails here instead of being hidden by a wrapper).
 */
class ForwardingDynamicsTest {

    private static final Params PARAMS = Params.defaults().with("seed", "7");
    private static final DynamicsState STATE = new DynamicsState("test", 3, 1.5, Map.of(DynamicsState.B, new double[] {1, 2}));

    /** One call the dynamics underneath received. */
    private record Call(Method method, List<Object> args) {
    }

    @Test
    void everyMethodOfDynamicsReachesTheDelegateAndItsAnswerComesBack() throws Exception {
        List<Call> calls = new ArrayList<>();
        Dynamics underneath = (Dynamics) Proxy.newProxyInstance(Dynamics.class.getClassLoader(),
                new Class<?>[] {Dynamics.class}, (proxy, method, args) -> {
                    calls.add(new Call(method, args == null ? List.of() : Arrays.asList(args)));
                    return answerOf(method);
                });
        ForwardingDynamics wrapper = () -> underneath;

        int checked = 0;
        for (Method m : Dynamics.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            calls.clear();
            Object[] args = argumentsFor(m);
            Object answer = m.invoke(wrapper, args);
            assertEquals(1, calls.size(), m.getName() + " was not forwarded exactly once");
            assertEquals(m.getName(), calls.get(0).method().getName());
            assertEquals(Arrays.asList(args), calls.get(0).args(), m.getName() + " forwarded other arguments");
            Object expected = answerOf(m);
            if (m.getReturnType().isPrimitive()) {
                assertEquals(expected, answer, m.getName() + " answered other than the delegate");
            } else {
                assertSame(expected, answer, m.getName() + " answered other than the delegate");
            }
            checked++;
        }
        assertTrue(checked >= 12, "only " + checked + " methods found on Dynamics");
    }

    /** A value per method, different for every numeric method, so an answer not from the delegate shows. */
    private static Object answerOf(Method m) {
        Class<?> type = m.getReturnType();
        if (type == double.class) {
            return m.getName().hashCode() + 0.25;
        }
        if (type == long.class) {
            return (long) m.getName().hashCode();
        }
        if (type == Params.class) {
            return PARAMS;
        }
        if (type == DynamicsState.class) {
            return STATE;
        }
        return null; // void, and types a test cannot build cheaply (the call itself is still checked)
    }

    private static Object[] argumentsFor(Method m) {
        Object[] args = new Object[m.getParameterCount()];
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            if (types[i] == DynamicsState.class) {
                args[i] = STATE;
            } else if (types[i].isPrimitive()) {
                throw new AssertionError("add an argument for " + m);
            }
        }
        return args;
    }
}
