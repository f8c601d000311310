package io.rectification.tasks.work;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 阶段性目标: a stage goal of a task with its own due date. */
@Entity
public class Milestone extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id")
    public UUID taskId;

    public int position;

    public String title;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "achieved_at")
    public OffsetDateTime achievedAt;
}
