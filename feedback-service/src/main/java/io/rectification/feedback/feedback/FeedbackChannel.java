package io.rectification.feedback.feedback;

/** 网上 / 电话 / 信件 / 电子邮件 / 接口 (Open311 and other systems). */
public enum FeedbackChannel {
    WEB, PHONE, POST, EMAIL, API
}
