package dev.baton.flow.domain;

/**
 * How much of each flow a mapping covers: base nodes that link somewhere, associated nodes linked to.
 *
 * @param baseMapped            base nodes in at least one link, 0..{@code baseTotal}
 * @param baseTotal             nodes of the base flow, 0 or more
 * @param associatedMapped      associated nodes targeted by at least one link, 0..{@code associatedTotal}
 * @param associatedTotal       nodes of the associated flow, 0 or more
 */
public record Coverage(int baseMapped, int baseTotal, int associatedMapped, int associatedTotal) {

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if a count is negative or a mapped count exceeds its total
     */
    public Coverage {
        if (baseMapped < 0 || baseMapped > baseTotal || associatedMapped < 0 || associatedMapped > associatedTotal) {
            throw new IllegalArgumentException("coverage counts must satisfy 0 <= mapped <= total");
        }
    }

    /** The share of base nodes mapped, in percent rounded to one decimal (half up); 0.0 for an empty flow. */
    public double basePercent() {
        return percent(baseMapped, baseTotal);
    }

    /** The share of associated nodes mapped, in percent rounded to one decimal (half up); 0.0 for an empty flow. */
    public double associatedPercent() {
        return percent(associatedMapped, associatedTotal);
    }

    private static double percent(int mapped, int total) {
        return total == 0 ? 0.0 : Math.round(mapped * 1000.0 / total) / 10.0;
    }
}
