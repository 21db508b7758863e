package org.sockd.api.action;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs the commands of access rules. The core hands each action over and goes on at once: a runner
 * must never delay or block the request, so it queues, bounds and times out the work itself.
 * Without a runner registered, actions are logged as not run.
 */
@ConsumerType
public interface ActionRunner {

    /**
     * Starts the action in the background; returns at once.
     *
     * @param action what to run
     */
    void submit(Action action);
}
