import type { ReactNode } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { useAuth, useMe } from "./platform/auth";
import { JurisdictionProvider } from "./platform/jurisdiction";
import { AppLayout } from "./platform/layout/AppLayout";
import { Loading, NotFoundPage } from "./platform/layout/Page";
import { Unavailable } from "./platform/layout/Unavailable";
import { homePathFor, mayOpenPage, type NavigationName, type NavigationUser } from "./platform/navigation";
import { AdminPage } from "./modules/admin/AdminPage";
import { AuditPage } from "./modules/audit/AuditPage";
import { EnrolmentPage } from "./modules/auth/EnrolmentPage";
import { LoginPage } from "./modules/auth/LoginPage";
import { PasswordChangeRequiredPage } from "./modules/auth/PasswordChangeRequiredPage";
import { CasePage } from "./modules/cases/CasePage";
import { CasesPage } from "./modules/cases/CasesPage";
import { RegisterPage } from "./modules/cases/registration/RegisterPage";
import { ProfilePage } from "./modules/profile/ProfilePage";
import { InboxPage } from "./modules/referrals/InboxPage";
import { MyWorkPage } from "./modules/pathway/MyWorkPage";
import { DashboardPage } from "./modules/alerts/DashboardPage";
import { ReferralPage } from "./modules/referrals/ReferralPage";
import { SheltersPage } from "./modules/shelters/SheltersPage";
import { OperationsPage } from "./modules/operations/OperationsPage";
import { InterpretersPage } from "./modules/security/InterpretersPage";
import { CoordinationPage } from "./modules/coordination/CoordinationPage";
import { StatisticsPage } from "./modules/statistics/StatisticsPage";
import { JusticePage } from "./modules/justice/JusticePage";
import { ProceedingPage } from "./modules/justice/ProceedingPage";
import { IntelligencePage } from "./modules/intelligence/IntelligencePage";
import { DuplicatesPage } from "./modules/matching/DuplicatesPage";
import { HotlinePage } from "./modules/hotline/HotlinePage";
import { BreakGlassPage } from "./modules/breakglass/BreakGlassPage";
import { RetentionPage } from "./modules/retention/RetentionPage";

export function App() {
  const { state } = useAuth();
  const location = useLocation();
  switch (state.status) {
    case "loading":
      return <Loading />;
    case "unavailable":
      return <Unavailable />;
    case "signedOut":
      return (
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            path="*"
            element={
              <Navigate
                to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}
                replace
              />
            }
          />
        </Routes>
      );
    case "signedIn":
      if (state.session.enrolmentOnly) return <EnrolmentPage />;
      if (state.session.user.mustChangePassword) return <PasswordChangeRequiredPage />;
      return (
        <JurisdictionProvider>
          <SignedInRoutes />
        </JurisdictionProvider>
      );
  }
}

/** The pages that only some roles may open, with the navigation entry that decides which. */
const guardedPages: { path: string; page: NavigationName; element: ReactNode }[] = [
  { path: "/cases", page: "cases", element: <CasesPage /> },
  { path: "/cases/new", page: "register", element: <RegisterPage /> },
  { path: "/cases/:reference", page: "cases", element: <CasePage /> },
  { path: "/work", page: "work", element: <MyWorkPage /> },
  { path: "/dashboard", page: "dashboard", element: <DashboardPage /> },
  { path: "/referrals", page: "inbox", element: <InboxPage /> },
  { path: "/referrals/:id", page: "inbox", element: <ReferralPage /> },
  { path: "/shelters", page: "shelters", element: <SheltersPage /> },
  { path: "/operations", page: "operations", element: <OperationsPage /> },
  { path: "/interpreters", page: "interpreters", element: <InterpretersPage /> },
  { path: "/coordination", page: "coordination", element: <CoordinationPage /> },
  { path: "/statistics", page: "statistics", element: <StatisticsPage /> },
  { path: "/justice", page: "justice", element: <JusticePage /> },
  { path: "/justice/:id", page: "justice", element: <ProceedingPage /> },
  { path: "/intelligence", page: "intelligence", element: <IntelligencePage /> },
  { path: "/duplicates", page: "duplicates", element: <DuplicatesPage /> },
  { path: "/hotline", page: "hotline", element: <HotlinePage /> },
  { path: "/audit", page: "audit", element: <AuditPage /> },
  { path: "/break-glass", page: "breakglass", element: <BreakGlassPage /> },
  { path: "/retention", page: "retention", element: <RetentionPage /> },
  { path: "/admin", page: "admin", element: <AdminPage /> },
];

function SignedInRoutes() {
  const user = useMe();
  const home = homePathFor(user);
  return (
    <Routes>
      <Route path="/login" element={<Navigate to={nextPath() ?? home} replace />} />
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to={home} replace />} />
        {guardedPages.map(({ path, page, element }) => (
          <Route
            key={path}
            path={path}
            element={
              <Allowed page={page} user={user}>
                {element}
              </Allowed>
            }
          />
        ))}
        <Route path="/profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** A page outside the user's roles looks like any missing page. */
function Allowed({
  page,
  user,
  children,
}: {
  page: NavigationName;
  user: NavigationUser;
  children: ReactNode;
}) {
  return mayOpenPage(page, user) ? children : <NotFoundPage />;
}

/** Where the user was going before the sign-in page; only paths inside this application. */
function nextPath(): string | null {
  const next = new URLSearchParams(window.location.search).get("next");
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/login") ? next : null;
}
