package vn.dvc.hotline.calls;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A call's way through the menu, as its record keeps it. The path only grows, so a record takes a view of the steps
 * so far instead of a copy, and each step is written as JSON once, when it is taken, instead of the whole path at
 * every flush (at 3,000 calls that re-serialisation, every step's time formatted again, was ~30 % of the
 * service's garbage). A call keeps its first {@value #MAX_STEPS} steps: a caller, or a robot, pressing keys for the
 * whole call must not grow its memory and its row without bound. A step costs ~190 bytes of heap (the step, its
 * time, its keys, its JSON), so a full path is ~19 KB, within a call's 32 KiB budget; menus are a few levels deep
 * and a citizen's call takes tens of steps.
 *
 * <p>Thread model: {@link #add} runs on the call's event loop only. A {@link Steps} view never changes once made:
 * steps are written only past the end of every view handed out, and growing copies to a new array, so a view read
 * on another thread after a safe publication (the recorder's queue, the live snapshot's volatile) sees its steps.
 */
final class MenuPath {

    static final int MAX_STEPS = 100;

    private final Function<MenuStep, String> toJson;
    private MenuStep[] steps = new MenuStep[8];
    private String[] stepsJson = new String[8];
    private int size;

    /** @param toJson one step as a JSON object, the way the calls API reads it back */
    MenuPath(Function<MenuStep, String> toJson) {
        this.toJson = toJson;
    }

    /** Records a step; false, and nothing recorded, once the path holds {@value #MAX_STEPS} steps. */
    boolean add(MenuStep step) {
        if (size == MAX_STEPS) {
            return false;
        }
        if (size == steps.length) {
            int capacity = Math.min(MAX_STEPS, size * 2);
            steps = Arrays.copyOf(steps, capacity);
            stepsJson = Arrays.copyOf(stepsJson, capacity);
        }
        stepsJson[size] = toJson.apply(step);
        steps[size] = step;
        size++;
        return true;
    }

    /** The steps so far, as an immutable list. */
    Steps steps() {
        return new Steps(steps, stepsJson, size);
    }

    /** The first {@code size} steps of a path, immutable; knows its own JSON array. */
    static final class Steps extends AbstractList<MenuStep> implements RandomAccess {

        private final MenuStep[] steps;
        private final String[] stepsJson;
        private final int size;

        private Steps(MenuStep[] steps, String[] stepsJson, int size) {
            this.steps = steps;
            this.stepsJson = stepsJson;
            this.size = size;
        }

        @Override
        public MenuStep get(int index) {
            return steps[Objects.checkIndex(index, size)];
        }

        @Override
        public int size() {
            return size;
        }

        /** The steps as a JSON array, joined from each step's JSON written when it was taken. */
        String json() {
            int length = 2;
            for (int i = 0; i < size; i++) {
                length += stepsJson[i].length() + 1;
            }
            StringBuilder array = new StringBuilder(length).append('[');
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    array.append(',');
                }
                array.append(stepsJson[i]);
            }
            return array.append(']').toString();
        }
    }
}
