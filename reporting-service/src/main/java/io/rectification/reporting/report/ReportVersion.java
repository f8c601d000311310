package io.rectification.reporting.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A published report (整改情况公布): fixed as rendered at publication, never edited; a new publish is a new number. */
@Entity
@Table(name = "report_version")
public class ReportVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    public int number;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    /** The publication (window and channels) and the signature this version was published with. */
    @Column(name = "publication_id")
    public UUID publicationId;

    public String issuer;

    @Column(name = "issued_on")
    public java.time.LocalDate issuedOn;

    /** The window and channels as published (copied from the publication, which may be edited later). */
    @Column(name = "window_from")
    public java.time.LocalDate windowFrom;

    @Column(name = "window_to")
    public java.time.LocalDate windowTo;

    public String phone;

    @Column(name = "phone_hours")
    public String phoneHours;

    @Column(name = "postal_address")
    public String postalAddress;

    @Column(name = "postal_code")
    public String postalCode;

    public String email;

    public String html;

    public String markdown;

    /** The numbers section 二 printed ({@link PublicNumbers}); null for a version published before they were kept (V31). */
    @Column(name = "public_numbering", columnDefinition = "jsonb")
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    public String publicNumbering;

    /** Keeps the window and channels this version is published with. */
    void keep(ReportDocument.Disclosure disclosure) {
        windowFrom = disclosure.from();
        windowTo = disclosure.to();
        phone = disclosure.phone();
        phoneHours = disclosure.phoneHours();
        postalAddress = disclosure.postalAddress();
        postalCode = disclosure.postalCode();
        email = disclosure.email();
    }

    /** The window and channels as published; null for a version published before they were kept (V20). */
    ReportDocument.Disclosure disclosure() {
        return windowFrom == null ? null
                : new ReportDocument.Disclosure(windowFrom, windowTo, phone, phoneHours, postalAddress, postalCode, email);
    }
}
