package io.finalspec.runtime.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;

/**
 * The turnstile of one controlled run: exactly one actor thread holds the turn; it performs its
 * step through the runtime, then asks the scheduler (on the state it just made) whose turn is next
 * and passes the turn on, or keeps it. Every decision and every step therefore see the same state.
 * Passing the turn wakes only the thread that gets it (each thread waits on its own condition), so a
 * step costs one thread switch whatever the number of threads.
 */
final class ControlledRun {

    private final Machine machine;
    private final LiveRuntime live;
    private final Actors actors;
    private final Scheduler scheduler;
    private final int maxSteps;
    private final ReentrantLock lock = new ReentrantLock();
    /** Each actor's thread waits on its own condition for the turn; the caller of awaitEnd on {@code ended}. */
    private final Map<String, Condition> turnPassed = new HashMap<>();
    private final Condition ended = lock.newCondition();
    private String turn;
    private List<Actors.Move> moves;
    private Actors.Move forced;
    private int step;
    private ActorDriver.Ending ending;
    private String detail;
    private RuntimeException failure;

    ControlledRun(Machine machine, LiveRuntime live, Actors actors, Scheduler scheduler, int maxSteps) {
        this.machine = machine;
        this.live = live;
        this.actors = actors;
        this.scheduler = scheduler;
        this.maxSteps = maxSteps;
        for (String a : actors.names()) {
            turnPassed.put(a, lock.newCondition());
        }
    }

    /** Takes the first decision, then waits until the run ends or {@code maxTime} passes. */
    void awaitEnd(Duration maxTime) throws InterruptedException {
        lock.lock();
        try {
            scheduler.start(actors.names());
            decide();
            long left = maxTime.toNanos();
            while (ending == null && left > 0) {
                left = ended.awaitNanos(left);
            }
            if (ending == null) {
                end(ActorDriver.Ending.TIME_LIMIT, null);
            }
            if (failure != null) {
                throw new IllegalStateException("a controlled run failed at step " + step, failure);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The body of actor {@code me}'s thread: wait for the turn, take a step, pass the turn on. */
    void actorLoop(String me, SplittableRandom random) {
        lock.lock();
        try {
            Condition myTurn = turnPassed.get(me);
            while (true) {
                while (ending == null && !me.equals(turn)) {
                    myTurn.await();
                }
                if (ending != null) {
                    return;
                }
                Actors.Move m = forced != null ? forced : moves.get(random.nextInt(moves.size()));
                live.perform(m.label(), m.target());
                step++;
                decide();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (LiveRuntime.StoppedException e) {
            // the run timed out while this thread was taking its step
        } catch (RuntimeException e) {
            failure = e;
            end(ActorDriver.Ending.TIME_LIMIT, null);
        } finally {
            lock.unlock();
        }
    }

    /** Whose turn it is in the current state, or how the run ends there. Under the lock. */
    private void decide() {
        if (!live.violations().isEmpty()) {
            end(ActorDriver.Ending.VIOLATION, null);
            return;
        }
        if (step >= maxSteps) {
            end(ActorDriver.Ending.STEP_LIMIT, null);
            return;
        }
        State now = live.current();
        Map<String, List<Actors.Move>> enabled = actors.enabled(machine, now);
        if (enabled.isEmpty()) {
            end(ActorDriver.Ending.FINISHED, null);
            return;
        }
        Scheduler.Decision d = scheduler.next(step, now, enabled);
        if (d instanceof Scheduler.Stop stop) {
            end(ActorDriver.Ending.SCHEDULE_END, stop.reason());
            return;
        }
        Scheduler.Grant g = (Scheduler.Grant) d;
        moves = enabled.get(g.actor());
        if (moves == null) {
            throw new IllegalStateException("the scheduler gave step " + step + " to " + g.actor() + ", who cannot move");
        }
        turn = g.actor();
        forced = g.move();
        turnPassed.get(turn).signal();
    }

    private void end(ActorDriver.Ending how, String why) {
        if (ending == null) {
            ending = how;
            detail = why;
        }
        turnPassed.values().forEach(Condition::signalAll);
        ended.signalAll();
    }

    ActorDriver.Ending ending() {
        lock.lock();
        try {
            return ending;
        } finally {
            lock.unlock();
        }
    }

    String detail() {
        lock.lock();
        try {
            return detail;
        } finally {
            lock.unlock();
        }
    }
}
