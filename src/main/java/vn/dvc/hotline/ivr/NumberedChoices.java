package vn.dvc.hotline.ivr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.dvc.hotline.speech.Readouts;

/**
 * A list read out as "Số một: …, số hai: …", and the caller's answer by number. Stateless; pure.
 */
final class NumberedChoices {

    /** Longest list a caller can answer by number: two keys. */
    static final int MAX_CHOICES = 99;
    /** After a number that is not in the list. */
    static final String NO_SUCH_CHOICE = "system.no-such-choice";

    private NumberedChoices() {
    }

    /** The prompts that read {@code choices} out, each with its number. */
    static List<String> readOut(List<Choice> choices) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < Math.min(choices.size(), MAX_CHOICES); i++) {
            keys.add(Readouts.ITEM);
            keys.addAll(Readouts.number(i + 1));
            keys.add(choices.get(i).namePromptKey());
        }
        return keys;
    }

    /**
     * A number then {@code #}. One key more than the longest number: a caller who keys "12#" ends on the {@code #},
     * not on the second digit with the {@code #} left over to answer the next question.
     */
    static DigitRules rules(ServiceContext context) {
        return context.digits(1, 3).terminatedBy('#');
    }

    /** @return the choice the caller's number names, if it names one */
    static Optional<Choice> pick(List<Choice> choices, String answer) {
        int number;
        try {
            number = Integer.parseInt(answer);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return number >= 1 && number <= Math.min(choices.size(), MAX_CHOICES)
                ? Optional.of(choices.get(number - 1)) : Optional.empty();
    }

    static List<String> concat(List<String> first, List<String> second) {
        List<String> keys = new ArrayList<>(first.size() + second.size());
        keys.addAll(first);
        keys.addAll(second);
        return keys;
    }
}
