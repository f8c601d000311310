package io.rectification.reporting.notice;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * The running notices configuration with some settings of one of its groups replaced: what a sender made in a
 * test sees, as an instance so configured would ({@code mail}'s combine-from, {@code webhook}'s timeout …).
 */
final class NoticeSettings {

    private NoticeSettings() {
    }

    /** {@code running}, the settings of its {@code group} named in {@code replaced} answering as given there. */
    static NoticeConfig with(NoticeConfig running, String group, Map<String, Object> replaced) {
        try {
            Method groupMethod = NoticeConfig.class.getMethod(group);
            Object groupSettings = proxy(groupMethod.getReturnType(), groupMethod.invoke(running), replaced);
            return proxy(NoticeConfig.class, running, Map.of(group, groupSettings));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("notices has no group " + group, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object running, Map<String, Object> replaced) {
        return (T) Proxy.newProxyInstance(NoticeConfig.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> replaced.containsKey(method.getName()) ? replaced.get(method.getName())
                        : method.invoke(running, args));
    }
}
