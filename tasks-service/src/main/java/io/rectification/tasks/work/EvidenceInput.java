package io.rectification.tasks.work;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A piece of evidence: its kind, title, where to find it (document number, ledger name) and date. */
public record EvidenceInput(@NotNull EvidenceType type, @NotBlank @Size(max = 500) String title,
                            @Size(max = 500) String reference, @NotNull LocalDate date) {
}
