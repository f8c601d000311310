package io.rectification.feedback.publication;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** 整改情况公布: the notice, its disclosure window and the channels the public can use. */
@Entity
public class Publication extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    public String title;

    public String body;

    @Column(name = "report_url")
    public String reportUrl;

    @Column(name = "window_start")
    public OffsetDateTime windowStart;

    @Column(name = "window_end")
    public OffsetDateTime windowEnd;

    @Column(name = "time_zone")
    public String timeZone;

    public String phone;

    @Column(name = "phone_hours")
    public String phoneHours;

    @Column(name = "postal_address")
    public String postalAddress;

    @Column(name = "postal_code")
    public String postalCode;

    public String email;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public DisclosureWindow window() {
        return new DisclosureWindow(windowStart.toInstant(), windowEnd.toInstant(), ZoneId.of(timeZone));
    }

    public Channels channels() {
        return new Channels(phone, phoneHours, postalAddress, postalCode, email);
    }
}
