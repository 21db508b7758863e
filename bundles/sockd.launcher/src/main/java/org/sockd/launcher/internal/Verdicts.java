package org.sockd.launcher.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.sockd.api.admin.FileVerdict;
import org.sockd.api.admin.LoadedFile;
import org.sockd.common.admin.ReloadReport;

/**
 * The verdict of every file the policies read at start ({@link LoadedFile} services), once the
 * framework has started every bundle and each policy the launcher gave a file has told its own.
 */
final class Verdicts {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** The property by which SCR names the component of a service; the launcher names policies by their PIDs. */
    static final String COMPONENT_NAME = "component.name";

    private Verdicts() {
    }

    /**
     * Waits, bounded, for the framework and the verdicts.
     *
     * @param expected the file each configured policy was given, by component name (its PID)
     */
    static ReloadReport await(BundleContext context, Map<String, String> expected) throws InterruptedException {
        ServiceTracker<LoadedFile, LoadedFile> tracker = new ServiceTracker<>(context, LoadedFile.class, null);
        tracker.open();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT.toMillis());
            while ((!ListenerWait.started(context) || !components(tracker).containsAll(expected.keySet()))
                    && System.nanoTime() - deadline < 0) {
                Thread.sleep(20);
            }
            List<Map.Entry<String, LoadedFile>> registered = new ArrayList<>();
            for (ServiceReference<LoadedFile> reference : references(tracker)) {
                LoadedFile file = tracker.getService(reference);
                registered.add(Map.entry(String.valueOf(reference.getProperty(COMPONENT_NAME)),
                        file != null ? file : failedActivation(reference)));
            }
            return report(registered, expected);
        } finally {
            tracker.close();
        }
    }

    /**
     * @param registered each verdict service by its component's name, in the order they were registered
     * @param expected the file each configured policy was given, by component name
     * @return every registered verdict, and a refusal for each expected policy that told none
     */
    static ReloadReport report(List<Map.Entry<String, LoadedFile>> registered, Map<String, String> expected) {
        List<FileVerdict> verdicts = new ArrayList<>(registered.stream().map(entry -> entry.getValue().verdict()).toList());
        Set<String> told = registered.stream().map(Map.Entry::getKey).collect(Collectors.toSet());
        expected.forEach((component, file) -> {
            if (!told.contains(component)) {
                verdicts.add(new FileVerdict.Refused(file, "entries", List.of(file + ": not read: no " + component
                        + " policy started within " + WAIT.toSeconds() + " s (is its bundle installed?)")));
            }
        });
        return new ReloadReport(verdicts);
    }

    private static LoadedFile failedActivation(ServiceReference<LoadedFile> reference) {
        String component = String.valueOf(reference.getProperty(COMPONENT_NAME));
        return () -> new FileVerdict.Refused(component, "entries",
                List.of(component + ": the policy failed to start: its error is in the log"));
    }

    private static Set<String> components(ServiceTracker<LoadedFile, LoadedFile> tracker) {
        return references(tracker).stream().map(reference -> String.valueOf(reference.getProperty(COMPONENT_NAME)))
                .collect(Collectors.toSet());
    }

    /** In the order they were registered: the access policy's bundle starts first, so its line comes first. */
    private static List<ServiceReference<LoadedFile>> references(ServiceTracker<LoadedFile, LoadedFile> tracker) {
        ServiceReference<LoadedFile>[] references = tracker.getServiceReferences();
        return references == null ? List.of() : Arrays.stream(references)
                .sorted(Comparator.comparingLong(reference -> (Long) reference.getProperty(Constants.SERVICE_ID)))
                .toList();
    }
}
