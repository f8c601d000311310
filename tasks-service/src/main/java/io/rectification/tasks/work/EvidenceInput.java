package io.rectification.tasks.work;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A piece of evidence: its kind, title, where to find it (document number, ledger name) and date. A
 * title alone is nothing a supervisor can check: a claim and a verification need an entry with a
 * reference or its file attached (task/CloseOutRule).
 */
public record EvidenceInput(@NotNull EvidenceType type, @NotBlank @Size(max = 500) String title,
                            @Schema(description = "where a supervisor finds it: document number (文号), ledger name, "
                                    + "where it is kept; blank is none. Claiming completion and verifying need an "
                                    + "entry with a reference or its file attached")
                            @Size(max = 500) String reference, @NotNull LocalDate date) {
}
