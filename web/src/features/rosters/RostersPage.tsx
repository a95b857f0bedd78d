// 名单上报 (二(四)): the office and the auditor get the board of every town and county unit;
// a town or county unit user goes straight to its own roster. Any unit's roster is at
// /rosters/:unit — the server answers another town's as absent, and that is what is shown.

import { Navigate, Route, Routes } from 'react-router';
import { useShell } from '../../app/context.ts';
import { Board } from './Board.tsx';
import { RosterPage } from './RosterPage.tsx';

export default function RostersPage() {
  const { session, year } = useShell();
  const own = session.user.unit;
  return (
    <Routes>
      <Route
        index
        element={
          own ? <Navigate replace to={`/rosters/${encodeURIComponent(own)}?year=${year}`} /> : <Board />
        }
      />
      <Route path=":unit" element={<RosterPage />} />
    </Routes>
  );
}
