//! Staff and sign-in against a real database: setup, roles, the last owner,
//! throttling, and that every refusal leaves the book unchanged.

mod common;

use chrono::Duration;
use kontor::Kontor;
use kontor::business::{BusinessProfileUpdate, SetupInput};
use kontor::staff::{Actor, NewStaffMember, Role};

fn setup_input(username: &str) -> SetupInput {
    SetupInput {
        business_name: "Second Shop".into(),
        base_currency: "USD".into(),
        owner_name: "Someone Else".into(),
        username: username.into(),
        password: "another-pass".into(),
    }
}

#[tokio::test]
async fn first_run_creates_the_business_and_its_owner_once() {
    let book = common::new_book().await;
    assert!(book.kontor.needs_setup().await.unwrap());
    let (book, owner) = {
        drop(book);
        common::set_up_book().await
    };
    assert_eq!((owner.username.as_str(), owner.role), ("anna", Role::Owner));
    assert!(!book.kontor.needs_setup().await.unwrap());
    let profile = book.kontor.business_profile().await.unwrap().unwrap();
    assert_eq!((profile.name.as_str(), profile.base_currency.as_str()), ("Berg Hardware", "EUR"));

    let before = common::dump(&book.kontor).await;
    let error = book.kontor.set_up(setup_input("mallory")).await.unwrap_err();
    assert_eq!(error.code(), "already_set_up");
    assert!(error.to_string().contains("Berg Hardware"));
    assert_eq!(common::dump(&book.kontor).await, before);
}

#[tokio::test]
async fn setup_refuses_bad_input_field_by_field_and_writes_nothing() {
    let book = common::new_book().await;
    let before = common::dump(&book.kontor).await;
    let cases = [
        (SetupInput { business_name: "  ".into(), ..setup_input("anna") }, "invalid_input", "businessName"),
        (SetupInput { base_currency: "EURO".into(), ..setup_input("anna") }, "invalid_currency", "currency"),
        (SetupInput { owner_name: "".into(), ..setup_input("anna") }, "invalid_input", "name"),
        (setup_input("a b"), "invalid_input", "username"),
        (SetupInput { password: "".into(), ..setup_input("anna") }, "password_too_short", "password"),
        (SetupInput { password: "short".into(), ..setup_input("anna") }, "password_too_short", "password"),
    ];
    for (input, code, field) in cases {
        let error = book.kontor.set_up(input).await.unwrap_err();
        assert_eq!(error.code(), code, "{error}");
        assert_eq!(error.details()["field"], field, "{error}");
    }
    assert_eq!(common::dump(&book.kontor).await, before);
    assert!(book.kontor.needs_setup().await.unwrap());
}

#[tokio::test]
async fn the_owner_adds_staff_and_usernames_are_unique_regardless_of_case() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let clerk = common::add(&book.kontor, &anna, "cara", Role::Clerk).await;
    assert_eq!((clerk.role, clerk.active), (Role::Clerk, true));

    let before = common::dump(&book.kontor).await;
    let duplicate = NewStaffMember {
        name: "Cara Two".into(),
        username: "CARA".into(),
        role: Role::Manager,
        password: "whatever-1".into(),
    };
    let error = book.kontor.add_staff(&anna, duplicate).await.unwrap_err();
    assert_eq!(error.code(), "username_taken");
    let short =
        NewStaffMember { name: "Dan".into(), username: "dan".into(), role: Role::Clerk, password: "1234567".into() };
    assert_eq!(book.kontor.add_staff(&anna, short).await.unwrap_err().code(), "password_too_short");
    assert_eq!(common::dump(&book.kontor).await, before);

    let names: Vec<String> = book.kontor.list_staff(&anna).await.unwrap().into_iter().map(|m| m.username).collect();
    assert_eq!(names, ["anna", "cara"]);
}

#[tokio::test]
async fn clerks_and_managers_cannot_manage_staff_or_settings() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    for role in [Role::Clerk, Role::Manager] {
        let member = common::add(&book.kontor, &anna, role.as_str(), role).await;
        let actor = Actor { user_id: Some(member.id), name: member.username.clone(), role };
        let before = common::dump(&book.kontor).await;
        assert_eq!(book.kontor.list_staff(&actor).await.unwrap_err().code(), "forbidden");
        let input = NewStaffMember {
            name: "X".into(),
            username: "xx".into(),
            role: Role::Owner,
            password: "password-1".into(),
        };
        assert_eq!(book.kontor.add_staff(&actor, input).await.unwrap_err().code(), "forbidden");
        assert_eq!(
            book.kontor.reset_staff_password(&actor, owner.id, "hijacked-1").await.unwrap_err().code(),
            "forbidden"
        );
        assert_eq!(book.kontor.set_staff_active(&actor, owner.id, false).await.unwrap_err().code(), "forbidden");
        let update = BusinessProfileUpdate { name: "Mine".into(), idle_lock_minutes: 5 };
        assert_eq!(book.kontor.update_business(&actor, update).await.unwrap_err().code(), "forbidden");
        assert_eq!(common::dump(&book.kontor).await, before);
    }
}

#[tokio::test]
async fn the_last_active_owner_cannot_be_deactivated_and_nobody_deactivates_themselves() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    // The CLI (an OS account) is not the owner's own account: the last-owner rule stops it.
    let cli = Actor::operating_system("root");
    let before = common::dump(&book.kontor).await;
    assert_eq!(book.kontor.set_staff_active(&cli, owner.id, false).await.unwrap_err().code(), "last_active_owner");
    assert_eq!(book.kontor.set_staff_active(&anna, owner.id, false).await.unwrap_err().code(), "own_account");
    assert_eq!(common::dump(&book.kontor).await, before);

    // With a second owner, the first may go; then the second is the last.
    let bert = common::add(&book.kontor, &anna, "bert", Role::Owner).await;
    let bert_actor = Actor { user_id: Some(bert.id), name: "bert".into(), role: Role::Owner };
    assert!(!book.kontor.set_staff_active(&bert_actor, owner.id, false).await.unwrap().active);
    assert_eq!(book.kontor.set_staff_active(&cli, bert.id, false).await.unwrap_err().code(), "last_active_owner");
    assert!(book.kontor.set_staff_active(&bert_actor, owner.id, true).await.unwrap().active);
}

#[tokio::test]
async fn sign_in_says_what_is_wrong() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let cara = common::add(&book.kontor, &anna, "cara", Role::Clerk).await;

    let signed_in = book.kontor.sign_in(" Cara ", "cara-pass-1").await.unwrap();
    assert_eq!((signed_in.id, signed_in.role), (cara.id, Role::Clerk));

    let wrong = book.kontor.sign_in("cara", "nope-nope").await.unwrap_err();
    assert_eq!(wrong.code(), "wrong_password");
    assert_eq!(wrong.details()["attemptsLeft"], 4);
    assert!(wrong.to_string().contains("password"));
    assert_eq!(book.kontor.sign_in("nobody", "whatever-1").await.unwrap_err().code(), "unknown_user");
    assert_eq!(book.kontor.sign_in("", "whatever-1").await.unwrap_err().code(), "invalid_input");

    book.kontor.set_staff_active(&anna, cara.id, false).await.unwrap();
    let error = book.kontor.sign_in("cara", "cara-pass-1").await.unwrap_err();
    assert_eq!(error.code(), "user_deactivated");
    // A deactivated account's wrong password is still just a wrong password.
    assert_eq!(book.kontor.sign_in("cara", "guess-guess").await.unwrap_err().code(), "wrong_password");
}

#[tokio::test]
async fn five_failures_make_the_sixth_attempt_wait_thirty_seconds_even_after_a_restart() {
    let (book, _) = common::set_up_book().await;
    for attempt in 1..=5 {
        let error = book.kontor.sign_in("anna", "wrong-password").await.unwrap_err();
        assert_eq!(error.code(), "wrong_password", "attempt {attempt}");
    }
    let error = book.kontor.sign_in("anna", "owner-pass-1").await.unwrap_err();
    assert_eq!(error.code(), "login_throttled");
    assert_eq!(error.details()["retryAfterSecs"], 30);

    // Restarting the app does not reset the wait.
    book.kontor.store().close().await;
    let reopened = Kontor::open_with_clock(book.dir.path(), book.clock.clone()).await.unwrap();
    book.clock.advance(Duration::seconds(20));
    let error = reopened.sign_in("anna", "owner-pass-1").await.unwrap_err();
    assert_eq!((error.code(), error.details()["retryAfterSecs"].as_i64()), ("login_throttled", Some(10)));

    book.clock.advance(Duration::seconds(10));
    assert_eq!(reopened.sign_in("anna", "owner-pass-1").await.unwrap().username, "anna");
    // Success clears the count: one wrong password later leaves 4 attempts.
    let error = reopened.sign_in("anna", "wrong-password").await.unwrap_err();
    assert_eq!(error.details()["attemptsLeft"], 4);
}

#[tokio::test]
async fn unlocking_checks_the_signed_in_users_own_password() {
    let (book, owner) = common::set_up_book().await;
    assert_eq!(book.kontor.verify_password(owner.id, "owner-pass-1").await.unwrap().id, owner.id);
    assert_eq!(book.kontor.verify_password(owner.id, "cara-pass-1").await.unwrap_err().code(), "wrong_password");
    assert_eq!(book.kontor.verify_password(999, "owner-pass-1").await.unwrap_err().code(), "not_found");
}

#[tokio::test]
async fn password_resets_take_effect_and_history_names_who_did_what() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let cara = common::add(&book.kontor, &anna, "cara", Role::Clerk).await;
    book.kontor.reset_staff_password(&anna, cara.id, "fresh-pass-2").await.unwrap();
    assert_eq!(book.kontor.sign_in("cara", "cara-pass-1").await.unwrap_err().code(), "wrong_password");
    assert!(book.kontor.sign_in("cara", "fresh-pass-2").await.is_ok());
    let cli = Actor::operating_system("backup-admin");
    book.kontor.set_staff_active(&cli, cara.id, false).await.unwrap();

    let (_, history) = book.kontor.staff_by_username(&anna, "cara").await.unwrap();
    let entries: Vec<(&str, &str)> = history.iter().map(|e| (e.action.as_str(), e.actor_name.as_str())).collect();
    assert_eq!(entries, [("added", "anna"), ("password_reset", "anna"), ("deactivated", "os:backup-admin")]);
    assert!(
        history.iter().all(|entry| !entry.after.as_deref().unwrap_or("").contains("argon2")),
        "no hashes in history"
    );
}

#[tokio::test]
async fn the_owner_updates_the_profile_within_bounds() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let profile = book
        .kontor
        .update_business(&anna, BusinessProfileUpdate { name: "Berg & Daughters".into(), idle_lock_minutes: 5 })
        .await
        .unwrap();
    assert_eq!(
        (profile.name.as_str(), profile.idle_lock_minutes, profile.base_currency.as_str()),
        ("Berg & Daughters", 5, "EUR")
    );
    let before = common::dump(&book.kontor).await;
    for minutes in [0, 241] {
        let update = BusinessProfileUpdate { name: "Berg".into(), idle_lock_minutes: minutes };
        let error = book.kontor.update_business(&anna, update).await.unwrap_err();
        assert_eq!(error.details()["field"], "idleLockMinutes");
    }
    let error = book.kontor.register_business(&Actor::operating_system("root"), "Berg", "USD").await.unwrap_err();
    assert_eq!(error.details()["field"], "baseCurrency");
    assert_eq!(common::dump(&book.kontor).await, before);
}

#[tokio::test]
async fn two_processes_adding_staff_at_once_both_succeed() {
    let (book, owner) = common::set_up_book().await;
    // A second, independent pool on the same file stands in for a second process.
    let other = Kontor::open_with_clock(book.dir.path(), book.clock.clone()).await.unwrap();
    let anna = Actor::user(&owner);
    let mut tasks = Vec::new();
    for i in 0..12 {
        let kontor = if i % 2 == 0 { book.kontor.clone() } else { other.clone() };
        let anna = anna.clone();
        tasks.push(tokio::spawn(async move {
            let input = NewStaffMember {
                name: format!("Clerk {i}"),
                username: format!("clerk{i}"),
                role: Role::Clerk,
                password: "clerk-pass-1".into(),
            };
            kontor.add_staff(&anna, input).await
        }));
    }
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    assert_eq!(book.kontor.list_staff(&anna).await.unwrap().len(), 13);
}
