// The name of each person's list of what needs them (reporting-service's GET /todos), said in one place: the menu
// entry, the header's count, the screen's heading and the document's title name it alike, and so do the ways back
// to it, so no screen calls the list the count leads to by another name. The feedback inbox's tab of every
// feedback owed a reply is another list (待办 holds only what falls due within its horizon) and is named for what
// it holds, 待答复 (feedbackInbox.ts's INBOX_TABS).

/** 待办: the to-do list's one name. */
export const TODOS_NAME = '待办'
